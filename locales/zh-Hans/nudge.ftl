# The nudge: one message to someone who went quiet part way through a referral, with two
# buttons (see locales/en-GB/nudge.ftl).
# Status: draft, not yet reviewed by a native speaker.

nudge-ask = 您好，又见面了。您之前开始向我们申请支持，但还没有完成。想从上次停下的地方继续吗？如果您想停止，我们会删除您输入的内容。
nudge-carry-on = 继续
    .aliases = 继续
# Erases their answers, as /forget does.
nudge-stop = 停止并删除我输入的内容
    .aliases = 停止, 删除
