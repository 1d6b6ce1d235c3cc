
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'timschema' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'timschema'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'timschema' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check getConversation responses against the contract (schema and rules)')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Rewrite responses in the other dialect. --to channel reads native (C API) documents as SDK 8.9''s fromJson does: the id prefixed from conv_type, userID or groupID from conv_id, the C group type, element type and @-all tag mapped, the draft only behind conv_is_has_draft. --to native writes channel documents as SDK 8.9''s toJson does, with its asymmetries: conv_id without its prefix, conv_group_type as a name (not the number fromJson reads; see --readable), no empty draft, no keys for absent values. Each input is checked first; if any is invalid its findings are printed and nothing is written')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print a JSON Schema of the contract (the getConversation response by default)')
            [CompletionResult]::new('codegen', 'codegen', [CompletionResultType]::ParameterValue, 'Write the types of the response for another language')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Print the rule catalogue: every rule, its severity, and whether the schema enforces it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'timschema;check' {
            [CompletionResult]::new('--unknown-fields', '--unknown-fields', [CompletionResultType]::ParameterName, 'What to do with keys the contract does not define')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'The dialect documents are written in (see docs/wire-format.md)')
            [CompletionResult]::new('--response', '--response', [CompletionResultType]::ParameterName, 'Which response documents are; when not given, told from each document''s shape: a `data` with `conversationList`, `nextSeq` or `isFinished` (natively a `conversation_list_result_*` object, or an array of other than one conversation) is a list page')
            [CompletionResult]::new('--sdk', '--sdk', [CompletionResultType]::ParameterName, 'Judge as this SDK generation would read documents: the hazards where its `fromJson` throws or misreads (errors) and the keys it drops (notes). None by default')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Report at most this many problems per document (at least 1)')
            [CompletionResult]::new('--max-document-size', '--max-document-size', [CompletionResultType]::ParameterName, 'The largest document read, in bytes; a larger one is reported, not read')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Check documents on this many threads (default: the number of cores)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Check documents on this many threads (default: the number of cores)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output (a regular file is replaced atomically; a device or pipe such as /dev/null is written to as it is)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of standard output (a regular file is replaced atomically; a device or pipe such as /dev/null is written to as it is)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Human format: colour the report always, never, or (auto) only on a terminal and when NO_COLOR is not set')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Read every input as JSON Lines: one response per line')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Treat warnings as errors: a document with a warning is invalid')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Human format: print errors only, no warnings, notes or summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Human format: print errors only, no warnings, notes or summary')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'timschema;convert' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The dialect to write')
            [CompletionResult]::new('--response', '--response', [CompletionResultType]::ParameterName, 'Which call''s answer the inputs are (default: told from each document''s shape)')
            [CompletionResult]::new('--compact', '--compact', [CompletionResultType]::ParameterName, 'Write each document on one line (JSON Lines) instead of indented')
            [CompletionResult]::new('--string-param', '--string-param', [CompletionResultType]::ParameterName, 'With --to native: write json_param as a JSON string, as the C callback hands it over')
            [CompletionResult]::new('--readable', '--readable', [CompletionResultType]::ParameterName, 'With --to native: write what SDK 8.9''s fromJson can read back rather than exactly what toJson writes: conv_group_type as the C TIMGroupType number instead of the name, and conv_recv_opt and message_risk_type_identified (which fromJson cannot do without) as 0 when the channel response has no recvOpt or hasRiskContent')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'timschema;schema' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Which schema to print, by file name; `--list` shows them')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the schemas instead of printing one')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'timschema;codegen' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the files into DIR (created if needed, each file replaced atomically) instead of printing them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'timschema;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--sdk', '--sdk', [CompletionResultType]::ParameterName, 'List what this SDK profile adds (`check --sdk VERSION`) instead of the contract''s rules')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'timschema;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check getConversation responses against the contract (schema and rules)')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Rewrite responses in the other dialect. --to channel reads native (C API) documents as SDK 8.9''s fromJson does: the id prefixed from conv_type, userID or groupID from conv_id, the C group type, element type and @-all tag mapped, the draft only behind conv_is_has_draft. --to native writes channel documents as SDK 8.9''s toJson does, with its asymmetries: conv_id without its prefix, conv_group_type as a name (not the number fromJson reads; see --readable), no empty draft, no keys for absent values. Each input is checked first; if any is invalid its findings are printed and nothing is written')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print a JSON Schema of the contract (the getConversation response by default)')
            [CompletionResult]::new('codegen', 'codegen', [CompletionResultType]::ParameterValue, 'Write the types of the response for another language')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Print the rule catalogue: every rule, its severity, and whether the schema enforces it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'timschema;help;check' {
            break
        }
        'timschema;help;convert' {
            break
        }
        'timschema;help;schema' {
            break
        }
        'timschema;help;codegen' {
            break
        }
        'timschema;help;rules' {
            break
        }
        'timschema;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
