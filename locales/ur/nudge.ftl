# The nudge: one message to someone who went quiet part way through a referral, with two
# buttons (see locales/en-GB/nudge.ftl).
# Status: draft, not yet reviewed by a native speaker.

nudge-ask = دوبارہ سلام۔ آپ نے ہم سے مدد مانگنا شروع کیا تھا لیکن مکمل نہیں کیا۔ کیا آپ وہیں سے جاری رکھنا چاہیں گے جہاں چھوڑا تھا؟ اگر آپ رکنا چاہیں تو ہم آپ کا لکھا ہوا مٹا دیں گے۔
nudge-carry-on = جاری رکھیں
    .aliases = جاری رکھیں, جاری, آگے چلیں
# Erases their answers, as /forget does.
nudge-stop = روکیں اور میرا لکھا ہوا مٹا دیں
    .aliases = روکیں, مٹا دیں, بند کریں
