// Builds a response with the generated Kotlin types, writes it to a map and reads it back:
// the value must come back equal, under the SDK's exact keys.
import timschema.*

fun main() {
    val message = V2TimMessage(
        msgID = "144115233874815003-1732530000-2817453511",
        timestamp = 1732530000L,
        userID = "alice",
        elemType = ElemType.V2TIM_ELEM_TYPE_TEXT,
        textElem = V2TimTextElem(text = "Dinner at eight?"),
        status = MessageStatus.V2TIM_MSG_STATUS_SEND_SUCC,
        groupAtUserList = listOf("bob"),
        offlinePushInfo = OfflinePushInfo(title = "Alice", disablePush = false),
    )
    val conversation = V2TimConversation(
        conversationID = "c2c_alice",
        type = ConversationType.V2TIM_C2C,
        userID = "alice",
        groupType = "",
        unreadCount = 3L,
        lastMessage = message,
        recvOpt = ReceiveMessageOpt.V2TIM_RECEIVE_MESSAGE,
        groupAtInfoList = listOf(V2TimGroupAtInfo(seq = "4120", atType = GroupAtType.V2TIM_AT_ME), null),
        orderkey = 4611686018427387909L,
        markList = listOf(1UL, null, 9223372036854775808UL),
        conversationGroupList = listOf("Family"),
    )
    val response = GetConversationResponse(code = 0L, desc = "ok", data = conversation)
    val map = response.toMap()
    val data = map["data"] as Map<*, *>
    check(data["conversationID"] == "c2c_alice") { "wire key conversationID" }
    check(data["orderkey"] == 4611686018427387909L) { "wire key orderkey keeps every digit" }
    check(data["type"] == 1L) { "enums write their values" }
    val back = GetConversationResponse.fromMap(map)
    check(back == response) { "round trip changed the value:\n$response\n$back" }
    check(ConversationType.fromValue(99L) == null) { "an unknown value reads as null" }
    println("ok")
}
