// Microsoft Clarity from npm (clarity-js), tracking and content capture on, uploading to clarity.ms (answered locally).
import { clarity } from 'clarity-js';

clarity.start({ projectId: 'bench', upload: 'https://www.clarity.ms/collect', track: true, content: true });
window.__benchCheck = () => ({ ok: typeof clarity.start === 'function', detail: 'started' });
