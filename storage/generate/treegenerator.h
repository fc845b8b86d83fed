#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace pmkv {

// Writes a deterministic synthetic pm/ tree: the same options give the same bytes on every
// machine. `epicsPerProject` and `storiesPerEpic` are per parent. With `faults`, the first
// epic of the first project also gets the fixed set of broken files and unsafe names listed
// by faultFiles(), for tests and demos of error handling. With `quirks`, the tree has the
// traits real trees have (quirkTraits()): it reads and migrates, with file warnings.
class TreeGenerator final
{
public:
    struct Options
    {
        int projects = 1;
        int epicsPerProject = 15;
        int storiesPerEpic = 29;
        quint64 seed = 1;
        bool faults = false;
        bool quirks = false;
    };

    struct Summary
    {
        int files = 0;
        int stories = 0;
        qint64 bytes = 0;
    };

    // Refuses to write into a folder that exists and is not empty.
    static Result<Summary> generate(const QString& outputFolder, const Options& options);

    // Relative paths of the fault files, each with the problem code a scan must report.
    static QStringList faultFiles();
    // What `quirks` changes, one line each, for help texts.
    static QStringList quirkTraits();
    // The manager every project, epic and story names with `quirks` (not in people.json).
    static QString unknownManager();
};

} // namespace pmkv
