import CCurl

/// Idle libcurl easy handles kept for the next transfer, so a pass over ten thousand pages creates about as many
/// handles as transfers run at once, not one per page.
///
/// A handle is `curl_easy_reset` when it comes back: every option, and with them every pointer into the finished
/// transfer (error buffer, header list, callback context), is cleared before that transfer is freed. What reset keeps
/// (DNS and TLS session caches) is what makes reuse worth it; connections themselves live in the multi handle's pool
/// either way. Confined to the loop thread of ``HTTPClient``, like every other curl object.
final class EasyHandlePool {
    private var idle: [UnsafeMutableRawPointer] = []
    /// Handles kept idle at most; more are cleaned up when they come back.
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    deinit {
        drain()
    }

    /// An idle handle, or a new one; nil only when libcurl cannot allocate.
    func take() -> UnsafeMutableRawPointer? {
        idle.popLast() ?? curl_easy_init()
    }

    /// Resets a handle that is no longer attached to the multi handle and keeps it for reuse.
    func giveBack(_ easy: UnsafeMutableRawPointer) {
        curl_easy_reset(easy)
        if idle.count < capacity {
            idle.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }

    /// Cleans up every idle handle.
    func drain() {
        for easy in idle {
            curl_easy_cleanup(easy)
        }
        idle = []
    }
}
