#pragma once
/// mPLUG-2's universal layer at a glance: one row per learnable latent query
/// (50 in the released models), one column per sampled frame, each cell
/// shaded by that frame's share of the latent's attention. Clicking a row
/// picks the latent whose maps the grid then shows.
///
///     overview->setShares(latents, frames, shares);   // shares[latent * frames + frame]
///     connect(overview, &LatentOverview::latentSelected, panel, &AttentionPanel::showLatent);

#include <QList>
#include <QWidget>

namespace mplug2::ui {

class LatentOverview : public QWidget {
    Q_OBJECT
public:
    explicit LatentOverview(QWidget *parent = nullptr);

    void setShares(int latents, int frames, const QList<float> &shares);
    void setSelectedLatent(int latent);
    int selectedLatent() const { return m_selected; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void latentSelected(int latent);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRect matrixRect() const;
    bool cellAt(QPoint position, int *latent, int *frame) const;

    int m_latents = 0;
    int m_frames = 0;
    QList<float> m_shares;
    int m_selected = -1;
};

} // namespace mplug2::ui
