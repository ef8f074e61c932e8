# signpost: English (UK). The nudge: one message to someone who went quiet part way through
# a referral (SIGNPOST_NUDGE_AFTER), with two buttons.
# Status: reviewed (the source text).

nudge-ask = Hello again. You started asking us for support but did not finish. Would you like to carry on where you left off? If you would rather stop, we will delete what you typed.
nudge-carry-on = Carry on
    .aliases = carry on, continue, go on
# Erases their answers, as /forget does.
nudge-stop = Stop and delete what I typed
    .aliases = stop, delete, stop and delete
