## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    کیا آپ کا مطلب ہے:
    { $options }
    نیچے سے چنیں، یا اپنا جواب دوبارہ لکھیں۔
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    میرا خیال ہے آپ کا مطلب ہے:
    { $picked }
    اگر یہ درست ہے تو “{ $done }” چنیں۔ آپ کچھ شامل کر سکتے ہیں یا ہٹا بھی سکتے ہیں۔
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = فی الحال اسے چھوڑ کر آگے چلتے ہیں۔ آخر میں جوابات دیکھتے وقت آپ اسے شامل کر سکتے ہیں۔
