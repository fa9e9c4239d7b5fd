#pragma once
/// The knobs of a request: which frames the model sees, how text is
/// generated (beam, lengths, sampling), what attention to capture, and the
/// device and precision the model runs on. Zero / "Model default" leaves a
/// value to the model bundle.
///
///     EngineRequest r = EngineRequest::caption(path);
///     options->applyTo(r);
///     connect(options, &TaskOptionsWidget::deviceChanged, window, &MainWindow::reloadModel);

#include "app/engine/devicechoice.h"
#include "app/engine/enginerequest.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSettings;
class QSpinBox;

namespace mplug2::ui {

class TaskOptionsWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskOptionsWidget(QWidget *parent = nullptr);

    /// Copies the options into `request` (frames, sampling, generation, attention).
    void applyTo(app::EngineRequest &request) const;
    /// Frames per request (0: the model's default) and how they are picked.
    int numFrames() const;
    app::FrameSampling sampling() const;
    /// The device and precision chosen for loading models.
    app::DeviceChoice deviceChoice() const;
    void setDeviceChoice(const app::DeviceChoice &choice);

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

Q_SIGNALS:
    void samplingChanged(int numFrames, mplug2::app::FrameSampling sampling);
    void deviceChanged(const mplug2::app::DeviceChoice &choice);

private:
    void updateEnabled();

    QFormLayout *m_form = nullptr;
    QSpinBox *m_frames = nullptr;
    QComboBox *m_sampling = nullptr;
    QComboBox *m_decoding = nullptr;
    QSpinBox *m_beam = nullptr;
    QSpinBox *m_minLength = nullptr;
    QSpinBox *m_maxLength = nullptr;
    QSpinBox *m_results = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QSpinBox *m_topK = nullptr;
    QDoubleSpinBox *m_topP = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_crossAttention = nullptr;
    QCheckBox *m_gradCam = nullptr;
    QCheckBox *m_latents = nullptr;
    QCheckBox *m_occlusion = nullptr;
    QComboBox *m_device = nullptr;
    QComboBox *m_precision = nullptr;
};

} // namespace mplug2::ui
