#include "ui/search/whyresultdialog.h"

#include "app/engine/imageconversion.h"
#include "app/export/attentionrenderer.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>

namespace mplug2::ui {

namespace {

constexpr int kFrameSide = 220;
constexpr int kColumns = 4;

} // namespace

WhyResultDialog::WhyResultDialog(app::Engine *engine, QString mediaPath, QString text, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_mediaPath(std::move(mediaPath))
    , m_text(std::move(text))
    , m_token(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_frames(new QGridLayout)
{
    setWindowTitle(tr("Why this result — %1").arg(QFileInfo(m_mediaPath).fileName()));
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("Where the model looks in this media while it reads “%1”.").arg(m_text), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_token->setAccessibleName(tr("Word of the query"));
    layout->addWidget(m_token);
    layout->addLayout(m_frames);
    layout->addWidget(m_status);
    m_token->setEnabled(false);
    connect(m_token, &QComboBox::currentIndexChanged, this, &WhyResultDialog::render);

    app::EngineRequest request;
    request.task = app::TaskKind::ScoreTexts;
    request.media.path = m_mediaPath;
    request.texts = {m_text};
    request.attention.crossAttention = true;
    request.returnFrames = true;
    m_status->setText(tr("Reading the query over the media…"));
    m_request = m_engine->submit(request);
    m_request.then(this, [this](const app::RequestOutcome &o) {
        if (o.isFinished() && o.result) {
            onFinished(*o.result);
            return;
        }
        m_status->setText(o.isFailed() && o.error ? o.error->message : tr("Cancelled."));
        Q_EMIT ready(false);
    });
}

WhyResultDialog::~WhyResultDialog()
{
    m_request.cancel();
}

void WhyResultDialog::onFinished(const app::EngineResult &result)
{
    if (!result.attention || !result.attention->hasCrossAttention() || result.frames.isEmpty()) {
        m_status->setText(tr("This model gave no attention maps for this media."));
        Q_EMIT ready(false);
        return;
    }
    m_result = result;
    m_token->blockSignals(true);
    m_token->clear();
    m_token->addItem(tr("The whole query"));
    for (const QString &token : result.attention->tokens)
        m_token->addItem(token);
    m_token->setEnabled(true);
    m_token->blockSignals(false);
    const double score = result.items.isEmpty() ? 0.0 : result.items.first().score;
    m_status->setText(
        tr("Mean log-probability per word of the query given this media: %1").arg(score, 0, 'f', 3));
    render();
    Q_EMIT ready(true);
}

void WhyResultDialog::render()
{
    if (!m_result)
        return;
    const app::AttentionMaps &maps = *m_result->attention;
    const int token = m_token->currentIndex() - 1;
    const app::AttentionGrid grid = token < 0 ? maps.meanGrid(app::AttentionMethod::CrossAttention)
                                              : maps.grid(app::AttentionMethod::CrossAttention, token);
    // The exporters' renderer: one scale over all frames, so the frames compare with each other.
    const Expected<std::vector<media::RgbImage>> overlays
        = app::renderAttentionOverlays(*m_result, app::AttentionExportOptions {}, token);
    if (!overlays) {
        m_status->setText(QString::fromStdString(overlays.error().message));
        return;
    }
    while (QLayoutItem *item = m_frames->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_shown.clear();
    const QList<float> importance = grid.frameImportance();
    for (int f = 0; f < int(overlays->size()); ++f) {
        const QImage shown = app::toQImage(overlays->at(size_t(f)));
        m_shown.append(shown);
        auto *label = new QLabel(this);
        label->setPixmap(QPixmap::fromImage(
            shown.scaled(kFrameSide, kFrameSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        if (f < importance.size())
            label->setToolTip(
                tr("Frame %1: %2% of the attention").arg(f + 1).arg(100.0 * importance.at(f), 0, 'f', 0));
        m_frames->addWidget(label, f / kColumns, f % kColumns);
    }
}

} // namespace mplug2::ui
