## Typed answers read loosely (see src/engine/understand.rs)

# Typed words that fit more than one button, or a sentence naming one: the question's buttons
# stay as they were.
# Variables:
#   $options (String) - the buttons that may be meant, one per line
did-you-mean =
    您是指：
    { $options }
    请在下面选择，或重新输入您的回答。
# Several choices named in a sentence, ticked, and the question shown again.
# Variables:
#   $picked (String) - the ticked choices, one per line
#   $done (String) - the label of the button that confirms
picks-understood =
    我理解您的意思是：
    { $picked }
    如果没错，请选择“{ $done }”。您也可以添加或去掉选项。
# A checked answer (a date, a phone number) still unreadable after the last try.
validation-gave-up = 这一项先跳过，我们继续。最后核对您的回答时，您可以再补上。
