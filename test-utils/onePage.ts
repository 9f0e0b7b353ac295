// A setup file for the happy-dom suites: each test runs one page, alone in its browser, and Node
// lends happy-dom a real BroadcastChannel that would make every new session wait for other tabs'
// claims. Without it (and without Web Locks) a session starts at once, as in a browser that has
// neither; the suites about tabs deciding together install the channel they need.
Reflect.deleteProperty(globalThis, 'BroadcastChannel');
