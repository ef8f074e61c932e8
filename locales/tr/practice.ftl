# signpost: Turkish (tr). The GP practice question.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

practice-offer = Bunlardan biri mi? Değilse "Listede yok" seçeneğini seçin, yazdığınızı saklarız; ya da yeniden yazın.
practice-not-listed = Listede yok
practice-not-found = "{ $typed }" listemizde bulunamadı, bu yüzden yazdığınız gibi kaydettik.
practice-from-link = Kullandığınız bağlantıya göre aile hekiminiz { $practice }. İsteğinizi göndermeden önce değiştirebilirsiniz.
