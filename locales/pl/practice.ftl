# signpost: Polish (pl). The GP practice question.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

practice-offer = Czy to któraś z tych przychodni? Jeśli nie, wybierz „Nie ma na liście”, a zachowamy to, co wpisano, albo wpisz nazwę jeszcze raz.
practice-not-listed = Nie ma na liście
practice-not-found = Nie znaleźliśmy „{ $typed }” na naszej liście przychodni, więc zapisaliśmy to tak, jak wpisano.
practice-from-link = Twoja przychodnia to { $practice } (z linku, którego użyto). Możesz to zmienić przed wysłaniem prośby.
