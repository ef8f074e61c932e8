## Typed answers read loosely (see src/engine/understand.rs)

# Buttons shown again when typed words fit more than one, or a sentence names one.
did-you-mean = Czy chodziło o jedną z tych odpowiedzi? Wybierz jedną albo napisz jeszcze raz.
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
