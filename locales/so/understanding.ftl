## Typed answers read loosely (see src/engine/understand.rs)

# Buttons shown again when typed words fit more than one, or a sentence names one.
did-you-mean = Ma waxaad ula jeeddey mid kuwan ka mid ah? Mid dooro, ama jawaabtaada mar kale qor.
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
