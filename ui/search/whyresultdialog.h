#pragma once
/// "Why this result": asks the engine to read the query over the media
/// (decoder, teacher-forced, with cross-attention captured) and shows where
/// it looked, frame by frame, for the whole query or one of its words.
///
///     auto *why = new WhyResultDialog(engine, "/videos/a.mp4", "a red circle", this);
///     why->show();                       // the request runs at once (Interactive)

#include "app/engine/engine.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;

namespace mplug2::ui {

class WhyResultDialog : public QDialog {
    Q_OBJECT
public:
    WhyResultDialog(app::Engine *engine, QString mediaPath, QString text, QWidget *parent = nullptr);
    ~WhyResultDialog() override;

    /// The frames as shown (attention blended in), once the result is there.
    QList<QImage> shownFrames() const { return m_shown; }
    bool isWaiting() const { return m_request.isValid() && !m_request.isOver(); }

Q_SIGNALS:
    /// The maps arrived and are shown (or the request failed: `ok` false).
    void ready(bool ok);

private:
    void onFinished(const app::EngineResult &result);
    void render();

    app::Engine *m_engine;
    QString m_mediaPath;
    QString m_text;
    app::RequestHandle m_request;
    std::optional<app::EngineResult> m_result;
    QList<QImage> m_shown;
    QComboBox *m_token;
    QLabel *m_status;
    QGridLayout *m_frames;
};

} // namespace mplug2::ui
