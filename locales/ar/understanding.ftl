## Typed answers read loosely (see src/engine/understand.rs)

# Buttons shown again when typed words fit more than one, or a sentence names one.
did-you-mean = هل تقصد أحد هذه الخيارات؟ اختر واحداً، أو اكتب إجابتك مرة أخرى.
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
