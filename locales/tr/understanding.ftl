## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    Şunu mu demek istediniz:
    { $options }
    Aşağıdan seçin ya da cevabınızı yeniden yazın.
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    Sanırım şunları kastediyorsunuz:
    { $picked }
    Doğruysa “{ $done }” seçin. İsterseniz başka seçenek ekleyip çıkarabilirsiniz.
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = Şimdilik bunu geçelim ve devam edelim. Sonda cevaplarınızı kontrol ederken ekleyebilirsiniz.
