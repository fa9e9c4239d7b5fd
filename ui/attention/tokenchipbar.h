#pragma once
/// The answer's tokens as clickable chips (one selected at a time), led by
/// an "All tokens" chip for the mean over the whole answer.
///
///     chips->setTokens({"a", "man", "is", "cooking"});
///     connect(chips, &TokenChipBar::tokenSelected, panel, &AttentionPanel::showToken);
///     chips->selectToken(1);                    // "man"; -1 selects "All tokens"

#include <QStringList>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;

namespace mplug2::ui {

class TokenChipBar : public QWidget {
    Q_OBJECT
public:
    explicit TokenChipBar(QWidget *parent = nullptr);

    void setTokens(const QStringList &tokens);
    const QStringList &tokens() const { return m_tokens; }
    /// -1 for "All tokens".
    void selectToken(int index);
    int selectedToken() const;
    /// The chip of token `index` (-1: "All tokens"), for tests and accessibility.
    QAbstractButton *chip(int index) const;

Q_SIGNALS:
    void tokenSelected(int index);

private:
    QButtonGroup *m_group = nullptr;
    QStringList m_tokens;
};

} // namespace mplug2::ui
