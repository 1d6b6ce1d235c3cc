package timschema

// Decodes every valid fixture into the generated types and encodes it again: the JSON must
// come back the same (compared as values, numbers kept exact).

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func decode(t *testing.T, data []byte) any {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		t.Fatal(err)
	}
	return value
}

func TestEveryValidFixtureRoundTrips(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(os.Getenv("TIMSCHEMA_FIXTURES"), "valid", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var response GetConversationResponse
		if err := json.Unmarshal(data, &response); err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		again, err := json.Marshal(response)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(decode(t, data), decode(t, again)) {
			t.Errorf("%s changed on the way back:\n%s", file, again)
		}
	}
}
