# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_timschema_global_optspecs
    string join \n h/help V/version
end

function __fish_timschema_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_timschema_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_timschema_using_subcommand
    set -l cmd (__fish_timschema_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c timschema -n "__fish_timschema_needs_command" -s h -l help -d 'Print help'
complete -c timschema -n "__fish_timschema_needs_command" -s V -l version -d 'Print version'
complete -c timschema -n "__fish_timschema_needs_command" -f -a "check" -d 'Check getConversation responses against the contract (schema and rules)'
complete -c timschema -n "__fish_timschema_needs_command" -f -a "convert" -d 'Rewrite responses in the other dialect. --to channel reads native (C API) documents as SDK 8.9\'s fromJson does: the id prefixed from conv_type, userID or groupID from conv_id, the C group type, element type and @-all tag mapped, the draft only behind conv_is_has_draft. --to native writes channel documents as SDK 8.9\'s toJson does, with its asymmetries: conv_id without its prefix, conv_group_type as a name (not the number fromJson reads; see --readable), no empty draft, no keys for absent values. Each input is checked first; if any is invalid its findings are printed and nothing is written'
complete -c timschema -n "__fish_timschema_needs_command" -f -a "schema" -d 'Print a JSON Schema of the contract (the getConversation response by default)'
complete -c timschema -n "__fish_timschema_needs_command" -f -a "codegen" -d 'Write the types of the response for another language'
complete -c timschema -n "__fish_timschema_needs_command" -f -a "rules" -d 'Print the rule catalogue: every rule, its severity, and whether the schema enforces it'
complete -c timschema -n "__fish_timschema_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c timschema -n "__fish_timschema_using_subcommand check" -l unknown-fields -d 'What to do with keys the contract does not define' -r -f -a "allow\t'Say nothing: newer SDKs add fields'
warn\t'Report each as a warning (`schema/unknown-field`)'
deny\t'Report each as an error'"
complete -c timschema -n "__fish_timschema_using_subcommand check" -l dialect -d 'The dialect documents are written in (see docs/wire-format.md)' -r -f -a "auto\t'Tell each document\'s dialect from its shape'
channel\t'The camelCase `{code, desc, data}` of the method-channel SDKs (2.x to 8.2, and the web path of 8.x)'
native\t'The C API\'s snake_case JSON that SDK 8.5 and later read: the `{code, desc, json_param}` envelope, or bare `conv_*` conversations'"
complete -c timschema -n "__fish_timschema_using_subcommand check" -l response -d 'Which response documents are; when not given, told from each document\'s shape: a `data` with `conversationList`, `nextSeq` or `isFinished` (natively a `conversation_list_result_*` object, or an array of other than one conversation) is a list page' -r -f -a "get-conversation\t'`getConversation`: one conversation in `data` (`{code, desc, json_param}` holding the array of one conversation that `TIMConvGetConvInfo` returns, in the native dialect)'
get-conversation-list\t'`getConversationList`: one page, `{nextSeq, isFinished, conversationList}` in `data` (`conversation_list_result_*`, or an array of several conversations, in the native dialect). Every rule applies to each conversation'"
complete -c timschema -n "__fish_timschema_using_subcommand check" -l sdk -d 'Judge as this SDK generation would read documents: the hazards where its `fromJson` throws or misreads (errors) and the keys it drops (notes). None by default' -r -f -a "2.0\t'`tencent_im_sdk_plugin` 2.0.6: channel dialect, `json_serializable` models'
3.1\t'`tencent_im_sdk_plugin` 3.1.7: channel dialect, hand-written models'
8.1\t'`tencent_cloud_chat_sdk` 8.1 (and 8.2): channel dialect, all twenty conversation fields'
8.5\t'`tencent_cloud_chat_sdk` 8.5: the first to read the native (C API) dialect'
8.9\t'`tencent_cloud_chat_sdk` 8.9: the native dialect (the channel dialect on the web)'"
complete -c timschema -n "__fish_timschema_using_subcommand check" -l max-errors -d 'Report at most this many problems per document (at least 1)' -r
complete -c timschema -n "__fish_timschema_using_subcommand check" -l max-document-size -d 'The largest document read, in bytes; a larger one is reported, not read' -r
complete -c timschema -n "__fish_timschema_using_subcommand check" -s j -l jobs -d 'Check documents on this many threads (default: the number of cores)' -r
complete -c timschema -n "__fish_timschema_using_subcommand check" -l format -d 'Output format' -r -f -a "human\t'For people: `path:line:col: error[rule]: message` with an excerpt of the source'
json\t'A stable JSON document (see README)'
junit\t'JUnit XML: one test case per document'
sarif\t'SARIF 2.1.0, for code-scanning tools'
github\t'GitHub Actions workflow commands (`::error file=…`)'
ndjson\t'One JSON line per document, written as soon as it is checked, and a last line with the summary: the contract for streaming engines (see README)'"
complete -c timschema -n "__fish_timschema_using_subcommand check" -s o -l output -d 'Write the report to FILE instead of standard output (a regular file is replaced atomically; a device or pipe such as /dev/null is written to as it is)' -r -F
complete -c timschema -n "__fish_timschema_using_subcommand check" -l color -d 'Human format: colour the report always, never, or (auto) only on a terminal and when NO_COLOR is not set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c timschema -n "__fish_timschema_using_subcommand check" -l ndjson -d 'Read every input as JSON Lines: one response per line'
complete -c timschema -n "__fish_timschema_using_subcommand check" -l deny-warnings -d 'Treat warnings as errors: a document with a warning is invalid'
complete -c timschema -n "__fish_timschema_using_subcommand check" -s q -l quiet -d 'Human format: print errors only, no warnings, notes or summary'
complete -c timschema -n "__fish_timschema_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timschema -n "__fish_timschema_using_subcommand convert" -l to -d 'The dialect to write' -r -f -a "channel\t'The camelCase `{code, desc, data}` of the method-channel SDKs, read from native documents as SDK 8.9\'s fromJson reads them'
native\t'The C API\'s `{code, desc, json_param}`, written from channel documents as SDK 8.9\'s toJson writes them: json_param as a decoded value, conv_id without its prefix, and conv_group_type as the group type\'s name, which fromJson cannot read back (see --readable)'"
complete -c timschema -n "__fish_timschema_using_subcommand convert" -l response -d 'Which call\'s answer the inputs are (default: told from each document\'s shape)' -r -f -a "get-conversation\t'`getConversation`: one conversation in `data` (`{code, desc, json_param}` holding the array of one conversation that `TIMConvGetConvInfo` returns, in the native dialect)'
get-conversation-list\t'`getConversationList`: one page, `{nextSeq, isFinished, conversationList}` in `data` (`conversation_list_result_*`, or an array of several conversations, in the native dialect). Every rule applies to each conversation'"
complete -c timschema -n "__fish_timschema_using_subcommand convert" -l compact -d 'Write each document on one line (JSON Lines) instead of indented'
complete -c timschema -n "__fish_timschema_using_subcommand convert" -l string-param -d 'With --to native: write json_param as a JSON string, as the C callback hands it over'
complete -c timschema -n "__fish_timschema_using_subcommand convert" -l readable -d 'With --to native: write what SDK 8.9\'s fromJson can read back rather than exactly what toJson writes: conv_group_type as the C TIMGroupType number instead of the name, and conv_recv_opt and message_risk_type_identified (which fromJson cannot do without) as 0 when the channel response has no recvOpt or hasRiskContent'
complete -c timschema -n "__fish_timschema_using_subcommand convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timschema -n "__fish_timschema_using_subcommand schema" -l name -d 'Which schema to print, by file name; `--list` shows them' -r
complete -c timschema -n "__fish_timschema_using_subcommand schema" -l list -d 'List the schemas instead of printing one'
complete -c timschema -n "__fish_timschema_using_subcommand schema" -s h -l help -d 'Print help'
complete -c timschema -n "__fish_timschema_using_subcommand codegen" -l lang -d 'The language' -r -f -a "typescript\t''
python\t''
go\t''
dart\t''
swift\t''
kotlin\t''"
complete -c timschema -n "__fish_timschema_using_subcommand codegen" -l out -d 'Write the files into DIR (created if needed, each file replaced atomically) instead of printing them' -r -F
complete -c timschema -n "__fish_timschema_using_subcommand codegen" -s h -l help -d 'Print help'
complete -c timschema -n "__fish_timschema_using_subcommand rules" -l format -d 'Output format' -r -f -a "table\t'An aligned text table'
json\t'A JSON array of rules (id, severity, type, appliesTo, message, doc, schemaEnforced)'
markdown\t'The Markdown page committed as docs/rules.md'"
complete -c timschema -n "__fish_timschema_using_subcommand rules" -l sdk -d 'List what this SDK profile adds (`check --sdk VERSION`) instead of the contract\'s rules' -r -f -a "2.0\t'`tencent_im_sdk_plugin` 2.0.6: channel dialect, `json_serializable` models'
3.1\t'`tencent_im_sdk_plugin` 3.1.7: channel dialect, hand-written models'
8.1\t'`tencent_cloud_chat_sdk` 8.1 (and 8.2): channel dialect, all twenty conversation fields'
8.5\t'`tencent_cloud_chat_sdk` 8.5: the first to read the native (C API) dialect'
8.9\t'`tencent_cloud_chat_sdk` 8.9: the native dialect (the channel dialect on the web)'"
complete -c timschema -n "__fish_timschema_using_subcommand rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timschema -n "__fish_timschema_using_subcommand help; and not __fish_seen_subcommand_from check convert schema codegen rules help" -f -a "check" -d 'Check getConversation responses against the contract (schema and rules)'
complete -c timschema -n "__fish_timschema_using_subcommand help; and not __fish_seen_subcommand_from check convert schema codegen rules help" -f -a "convert" -d 'Rewrite responses in the other dialect. --to channel reads native (C API) documents as SDK 8.9\'s fromJson does: the id prefixed from conv_type, userID or groupID from conv_id, the C group type, element type and @-all tag mapped, the draft only behind conv_is_has_draft. --to native writes channel documents as SDK 8.9\'s toJson does, with its asymmetries: conv_id without its prefix, conv_group_type as a name (not the number fromJson reads; see --readable), no empty draft, no keys for absent values. Each input is checked first; if any is invalid its findings are printed and nothing is written'
complete -c timschema -n "__fish_timschema_using_subcommand help; and not __fish_seen_subcommand_from check convert schema codegen rules help" -f -a "schema" -d 'Print a JSON Schema of the contract (the getConversation response by default)'
complete -c timschema -n "__fish_timschema_using_subcommand help; and not __fish_seen_subcommand_from check convert schema codegen rules help" -f -a "codegen" -d 'Write the types of the response for another language'
complete -c timschema -n "__fish_timschema_using_subcommand help; and not __fish_seen_subcommand_from check convert schema codegen rules help" -f -a "rules" -d 'Print the rule catalogue: every rule, its severity, and whether the schema enforces it'
complete -c timschema -n "__fish_timschema_using_subcommand help; and not __fish_seen_subcommand_from check convert schema codegen rules help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
