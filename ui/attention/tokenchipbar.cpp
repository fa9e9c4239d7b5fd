#include "ui/attention/tokenchipbar.h"

#include "app/engine/attentionmaps.h"
#include "ui/attention/flowlayout.h"

#include <QButtonGroup>
#include <QToolButton>

namespace mplug2::ui {

namespace {
// QButtonGroup gives -1 a meaning of its own (auto ids), so "All tokens"
// gets an id no answer reaches and is mapped to -1 at the edges.
constexpr int kAllTokensId = 1 << 20;

int toGroupId(int index)
{
    return index < 0 ? kAllTokensId : index;
}

int fromGroupId(int id)
{
    return id == kAllTokensId ? -1 : id;
}

QToolButton *makeChip(const QString &text, QWidget *parent)
{
    auto *chip = new QToolButton(parent);
    chip->setText(text);
    chip->setCheckable(true);
    chip->setAutoRaise(false);
    chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return chip;
}
} // namespace

TokenChipBar::TokenChipBar(QWidget *parent)
    : QWidget(parent)
    , m_group(new QButtonGroup(this))
{
    setAccessibleName(tr("Answer tokens"));
    new FlowLayout(this);
    m_group->setExclusive(true);
    connect(
        m_group, &QButtonGroup::idClicked, this, [this](int id) { Q_EMIT tokenSelected(fromGroupId(id)); });
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void TokenChipBar::setTokens(const QStringList &tokens)
{
    m_tokens = tokens;
    for (QAbstractButton *button : m_group->buttons()) {
        m_group->removeButton(button);
        delete button;
    }
    if (tokens.isEmpty())
        return;
    QToolButton *all = makeChip(tr("All tokens"), this);
    all->setObjectName(QStringLiteral("chipAll"));
    all->setAccessibleName(tr("All tokens (mean)"));
    all->setToolTip(tr("Where the whole answer looked: the mean over its tokens"));
    m_group->addButton(all, kAllTokensId);
    layout()->addWidget(all);
    for (int i = 0; i < int(tokens.size()); ++i) {
        const QString text = app::readableToken(tokens.at(i));
        QToolButton *chip = makeChip(text, this);
        chip->setObjectName(QStringLiteral("chip%1").arg(i));
        chip->setAccessibleName(tr("Token %1: %2").arg(i + 1).arg(text));
        chip->setToolTip(tr("Show where the model looked while it wrote “%1”").arg(text));
        m_group->addButton(chip, i);
        layout()->addWidget(chip);
    }
    all->setChecked(true);
    updateGeometry();
}

void TokenChipBar::selectToken(int index)
{
    if (QAbstractButton *button = m_group->button(toGroupId(index))) {
        button->setChecked(true);
        Q_EMIT tokenSelected(index);
    }
}

int TokenChipBar::selectedToken() const
{
    return fromGroupId(m_group->checkedId());
}

QAbstractButton *TokenChipBar::chip(int index) const
{
    return m_group->button(toGroupId(index));
}

} // namespace mplug2::ui
