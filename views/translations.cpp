#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace pmkv {

QString Translations::installedFolder()
{
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral("../share/pmkv-studio/translations"));
}

QStringList Translations::install(QCoreApplication& app, const QLocale& locale,
                                  const QStringList& folders)
{
    QStringList loaded;
    QStringList where = folders;
    where << installedFolder();
    for (const QString& folder : std::as_const(where)) {
        auto* own = new QTranslator(&app);
        if (own->load(locale, QStringLiteral("pmkv-studio"), QStringLiteral("_"), folder) &&
            QCoreApplication::installTranslator(own)) {
            loaded << own->filePath();
            break;
        }
        delete own;
    }
    if (loaded.isEmpty())
        return loaded; // no strings of ours in that language: keep Qt's in English too
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt))
        loaded << qt->filePath();
    else
        delete qt;
    return loaded;
}

} // namespace pmkv
