// Linked into the static release binary (scripts/build-release) with
//   --wrap=_dispatch_workq_worker_register --wrap=_dispatch_workq_worker_unregister
// so that libdispatch's calls to those two functions land here instead.
//
// On Linux, libdispatch starts a worker thread's life by registering it with a "workqueue
// monitor" (src/event/workqueue.c). Registering the first one arms a timer on the manager
// queue that fires every second for the rest of the process, reads /proc/TID/stat of every
// worker, and starts one more thread when work is queued but no worker is runnable (a stand-in
// for the kernel workqueues of Darwin). That timer was the one wake-up an idle Intray still
// made: once a second, with nothing to do.
//
// Without it the Swift concurrency pool keeps its width (one thread per CPU) and no longer
// grows past it when a job blocks. Intray never blocks a pool thread on work that needs another
// pool thread: the UI loop runs on the main queue's thread (an overcommit queue, which libdispatch
// grows without the monitor), the network runs on NIO's own threads, and the blocking calls made
// from tasks (SQLite, flock, a token command's poll) end on their own.

struct dispatch_queue_global_s;

void __wrap__dispatch_workq_worker_register(struct dispatch_queue_global_s *root_queue) {
    (void)root_queue;
}

void __wrap__dispatch_workq_worker_unregister(struct dispatch_queue_global_s *root_queue) {
    (void)root_queue;
}
