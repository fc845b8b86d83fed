#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace pmkv {

// Loads the translations of the app's strings (pmkv-studio_<lang>.qm) and Qt's own (qtbase)
// for a locale, from the first folder that has them: the folders given, then the installed
// share/pmkv-studio/translations beside the binary. English, the source language, needs none.
class Translations final
{
public:
    // The translators are children of `app`. Returns the files loaded (empty: English).
    static QStringList install(QCoreApplication& app, const QLocale& locale,
                               const QStringList& folders = QStringList());
    // Where an installed pmkv-studio keeps its .qm files.
    static QString installedFolder();
};

} // namespace pmkv
