## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    Did you mean:
    { $options }
    Choose below, or type your answer again.
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    I think you mean:
    { $picked }
    If that's right, choose “{ $done }”. You can add or remove any of them too.
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = Let's leave that one for now and carry on. You can add it when we check your answers at the end.
