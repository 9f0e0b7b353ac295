// No tracker: the page and the workload alone.
window.__benchCheck = () => ({ ok: true, detail: 'no tracker' });
