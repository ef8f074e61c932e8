## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    Ma waxaad ula jeeddey:
    { $options }
    Hoos ka dooro, ama jawaabtaada mar kale qor.
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    Waxaan u malaynayaa inaad ula jeeddey:
    { $picked }
    Haddii ay sax tahay, dooro “{ $done }”. Waad ku dari kartaa ama ka saari kartaa.
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = Hadda aan ka gudubno oo sii wadno. Waad ku dari kartaa marka aan dhammaadka hubinno jawaabahaaga.
