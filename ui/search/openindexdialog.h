#pragma once
/// File ▸ Open Index: which search index the search dock uses, an index
/// file (a new name creates one) or a shared index on a PostgreSQL server,
/// built from host, port, database, user and libpq options. There is no
/// password field: libpq takes the password from ~/.pgpass, PGPASSWORD or
/// the service file, so it is never stored, nor in the list of recent
/// indexes. Open tries the index off the GUI thread (a server can take
/// seconds to answer); a failure is shown in the dialog, which stays open.
///
///     OpenIndexDialog dialog(this);
///     dialog.setLocation(search->catalogLocation());
///     if (dialog.exec() == QDialog::Accepted)
///         search->setCatalogLocation(dialog.openedLocation());

#include "base/expected.h"
#include "ui/search/indexlocation.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace mplug2::ui {

class OpenIndexDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMaxRecent = 8;
    static constexpr int kDefaultPort = 5432;

    explicit OpenIndexDialog(QWidget *parent = nullptr);
    ~OpenIndexDialog() override;

    /// Fills the form from a location: an index file's path or a `postgresql://` URI.
    void setLocation(const QString &location);
    /// What the form describes: an index file's absolute path or a
    /// `postgresql://` URI; an error (as the dialog would show it) when the
    /// fields are incomplete or invalid.
    Expected<QString> formLocation() const;
    /// Opens what the form describes off the GUI thread; accepts when it
    /// opened, else shows why and stays open. The Open button.
    void openIndex();
    bool isOpening() const { return m_isOpening; }
    /// The location that opened, once the dialog was accepted.
    QString openedLocation() const { return m_opened; }
    /// The error shown under the form ("" for none).
    QString errorText() const;

    /// The indexes opened last, newest first (QSettings search/recentIndexes).
    static QStringList recentLocations();

private:
    void chooseFile();
    void showError(const QString &message);
    void openingEnded();
    static void rememberRecent(const QString &location);

    QRadioButton *m_fileChoice;
    QRadioButton *m_serverChoice;
    QLineEdit *m_path;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_options;
    QTreeWidget *m_recent;
    QWidget *m_form;
    QProgressBar *m_busy;
    QLabel *m_busyText;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<IndexLocation::Check> m_opening;
    bool m_isOpening = false; ///< from Open until the attempt's end was handled
    QString m_trying; ///< the location being opened ("" once the dialog was cancelled)
    QString m_opened;
};

} // namespace mplug2::ui
