#include "ui/status/errorbanner.h"

#include "ui/theme/paletteicon.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>

namespace mplug2::ui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));

    m_icon = new QLabel(this);
    m_icon->setPixmap(paletteIcon(QStringLiteral("warning")).pixmap(QSize(20, 20)));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(QStringLiteral("errorDetailsButton"));
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("errorActionButton"));
    m_action->hide();
    m_close = new QToolButton(this);
    m_close->setIcon(paletteIcon(QStringLiteral("close")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("errorDetails"));
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(140);
    m_details->setAccessibleName(tr("Error details"));
    m_details->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_message, 1);
    row->addWidget(m_action);
    row->addWidget(m_detailsButton);
    row->addWidget(m_close, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addLayout(row);
    layout->addWidget(m_details);

    connect(m_detailsButton, &QToolButton::clicked, this, &ErrorBanner::toggleDetails);
    connect(m_close, &QToolButton::clicked, this, &ErrorBanner::dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        const auto callback = m_callback;
        dismiss();
        if (callback)
            callback();
    });
    hide();
}

void ErrorBanner::showError(
    const QString &message, const QString &details, const QString &actionText, std::function<void()> action)
{
    m_message->setText(message);
    m_details->setPlainText(details);
    m_detailsButton->setVisible(!details.isEmpty() && details != message);
    m_detailsButton->setChecked(false);
    m_details->hide();
    m_callback = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty() && m_callback);
    m_cause.clear();
    show();
}

void ErrorBanner::dismissIfCausedBy(const QString &cause)
{
    if (!isHidden() && !m_cause.isEmpty() && m_cause == cause)
        dismiss();
}

QString ErrorBanner::message() const
{
    return m_message->text();
}

QString ErrorBanner::details() const
{
    return m_details->toPlainText();
}

bool ErrorBanner::detailsVisible() const
{
    return m_details->isVisible();
}

void ErrorBanner::dismiss()
{
    m_callback = {};
    m_cause.clear();
    hide();
}

void ErrorBanner::toggleDetails()
{
    m_details->setVisible(!m_details->isVisible());
    m_detailsButton->setChecked(m_details->isVisible());
}

} // namespace mplug2::ui

namespace mplug2::ui {

void ErrorBanner::paintEvent(QPaintEvent *)
{
    // An amber tint of whatever the window colour is: readable on light and dark palettes.
    const QColor window = palette().color(QPalette::Window);
    const QColor amber(230, 140, 20);
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
            float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
    };
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(amber, 1));
    painter.setBrush(mix(window, amber, 0.18));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

} // namespace mplug2::ui
