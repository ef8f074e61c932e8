## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    هل تقصد:
    { $options }
    اختر من الأسفل، أو اكتب إجابتك مرة أخرى.
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    أظن أنك تقصد:
    { $picked }
    إذا كان هذا صحيحاً، اختر “{ $done }”. يمكنك أيضاً إضافة خيارات أو إزالتها.
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = لنترك هذا السؤال الآن ونكمل. يمكنك إضافته عندما نراجع إجاباتك في النهاية.
