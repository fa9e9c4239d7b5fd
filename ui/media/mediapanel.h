#pragma once
/// The media list: the pictures and videos the user opened (files, folders,
/// drag and drop), each with a thumbnail and its length and size, made in
/// the background. Selecting one shows it in the viewer.
///
///     panel->addFiles({"clip.mp4", "photo.jpg"});
///     connect(panel, &MediaPanel::currentChanged, viewer, &MediaViewer::setMedia);

#include "app/media/mediasource.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace mplug2::ui {

class ThumbnailLoader;

class MediaPanel : public QWidget {
    Q_OBJECT
public:
    explicit MediaPanel(QWidget *parent = nullptr);

    /// Adds the existing files not listed yet (in order) and returns the ones
    /// that do not exist. The first added file becomes current when nothing was.
    QStringList addFiles(const QStringList &paths);
    QStringList files() const;
    QString currentFile() const;
    void setCurrentFile(const QString &path);
    /// Selects the next / previous file in the list.
    void selectNext();
    void selectPrevious();
    /// The facts learnt while making the thumbnail (empty path when not yet known).
    app::MediaFacts facts(const QString &path) const;

    QListWidget *list() const { return m_list; }

public Q_SLOTS:
    void removeSelected();

Q_SIGNALS:
    void currentChanged(const QString &path);
    void openFilesRequested();
    void openFolderRequested();
    void filesDropped(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QListWidgetItem *itemFor(const QString &path) const;
    void onThumbnail(const QString &path, const QImage &image, const app::MediaFacts &facts);
    void onThumbnailFailed(const QString &path, const QString &message);
    void updateHint();

    QListWidget *m_list = nullptr;
    QLabel *m_hint = nullptr;
    QToolButton *m_remove = nullptr;
    ThumbnailLoader *m_thumbnails = nullptr;
    QHash<QString, QListWidgetItem *> m_items; ///< by absolute path: a folder of 10^5 files stays fast
};

} // namespace mplug2::ui
