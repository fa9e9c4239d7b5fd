#include "ui/aboutdialog.h"

#include "app/about/thirdpartycomponent.h"
#include "base/version.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mplug2::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About mPLUG-2 Studio"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *title
        = new QLabel(QStringLiteral("<h2>mPLUG-2 Studio %1</h2>").arg(QString::fromLatin1(kVersion)), this);
    auto *summary
        = new QLabel(tr("A desktop tool for exploring the mPLUG-2 multimodal model (ICML 2023): captions and "
                        "answers for images and videos, the model's attention on the frames, and cross-modal "
                        "retrieval over your own folders."),
            this);
    summary->setWordWrap(true);

    auto *licences = new QTextBrowser(this);
    licences->setObjectName(QStringLiteral("licenceBrowser"));
    licences->setOpenExternalLinks(true);
    QString html = QStringLiteral("<table cellspacing=6><tr><th align=left>%1</th><th align=left>%2</th>"
                                  "<th align=left>%3</th></tr>")
                       .arg(tr("Component"), tr("Version"), tr("Licence"));
    for (const app::ThirdPartyComponent &c : app::thirdPartyComponents()) {
        html += QStringLiteral("<tr><td><a href=\"%1\">%2</a></td><td>%3</td><td>%4</td></tr>")
                    .arg(c.url.toHtmlEscaped(), c.name.toHtmlEscaped(), c.version.toHtmlEscaped(),
                        c.license.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    licences->setHtml(html);
    licences->setAccessibleName(tr("Licences of third-party components"));

    auto *tabs = new QTabWidget(this);
    auto *aboutPage = new QWidget(tabs);
    auto *aboutLayout = new QVBoxLayout(aboutPage);
    aboutLayout->addWidget(title);
    aboutLayout->addWidget(summary);
    aboutLayout->addStretch();
    tabs->addTab(aboutPage, tr("About"));
    tabs->addTab(licences, tr("Licences"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(560, 420);
}

} // namespace mplug2::ui
