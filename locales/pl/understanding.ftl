## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    Czy chodziło o:
    { $options }
    Wybierz poniżej albo napisz jeszcze raz.
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    Rozumiem, że chodzi o:
    { $picked }
    Jeśli się zgadza, wybierz „{ $done }”. Możesz też coś dodać lub usunąć.
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = Zostawmy to na razie i przejdźmy dalej. Możesz to dodać, gdy na końcu sprawdzimy odpowiedzi.
