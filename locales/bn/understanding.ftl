## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    আপনি কি এটা বোঝাতে চেয়েছেন:
    { $options }
    নিচ থেকে বেছে নিন, অথবা আপনার উত্তর আবার লিখুন।
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    আমার মনে হচ্ছে আপনি বলছেন:
    { $picked }
    ঠিক হলে “{ $done }” বেছে নিন। চাইলে আরও যোগ করতে বা বাদ দিতে পারেন।
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = এটা এখন থাক, আমরা এগিয়ে যাই। শেষে উত্তরগুলো দেখার সময় এটা যোগ করতে পারবেন।
