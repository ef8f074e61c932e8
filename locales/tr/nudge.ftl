# The nudge: one message to someone who went quiet part way through a referral, with two
# buttons (see locales/en-GB/nudge.ftl).
# Status: draft, not yet reviewed by a native speaker.

nudge-ask = Tekrar merhaba. Bizden destek istemeye başlamıştınız ama tamamlamadınız. Kaldığınız yerden devam etmek ister misiniz? Durmayı tercih ederseniz yazdıklarınızı sileriz.
nudge-carry-on = Devam et
    .aliases = devam et, devam
# Erases their answers, as /forget does.
nudge-stop = Dur ve yazdıklarımı sil
    .aliases = dur, sil, durdur
