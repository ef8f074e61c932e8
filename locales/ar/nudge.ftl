# The nudge: one message to someone who went quiet part way through a referral, with two
# buttons (see locales/en-GB/nudge.ftl).
# Status: draft, not yet reviewed by a native speaker.

nudge-ask = مرحباً مجدداً. بدأتَ بطلب الدعم منّا لكنك لم تُكمل. هل تريد المتابعة من حيث توقفت؟ إذا كنت تفضّل التوقف، فسنحذف ما كتبته.
nudge-carry-on = متابعة
    .aliases = متابعة, أكمل, استمر, كمل
# Erases their answers, as /forget does.
nudge-stop = توقّف واحذف ما كتبتُه
    .aliases = توقف, احذف, توقف واحذف
