#pragma once

class QThreadPool;

namespace pmkv {

// The thread pool the engine's parallel work runs on (reading a tree, mapping keys, comparing
// values), never QThreadPool::globalInstance(): Qt's raster paint engine splits its fills over
// the global pool and waits for them, so a GUI painting while the engine held every global
// thread stalled for as long as the read took (a second on 100,000 stories).
class WorkPool final
{
public:
    static QThreadPool* instance();
};

} // namespace pmkv
