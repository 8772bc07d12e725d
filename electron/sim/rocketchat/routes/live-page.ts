import type { SimContext } from '../context';
import type { Reply } from '../responses';

// GET /live/:rid — a read-only stand-in for Rocket.Chat's room view, so "open in Rocket.Chat" shows
// something in demo mode. Everything interpolated is escaped.

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function livePage(sim: SimContext, rid: string): Reply {
  const room = sim.store.rooms.get(rid);
  if (!room) {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Room not found</title></head><body><h1>Room not found</h1><p>${escapeHtml(rid)}</p></body></html>`;
    return { status: 404, body: null, html };
  }
  const rows = sim.store.messages
    .filter((m) => m.rid === rid)
    .map(
      (m) =>
        `<li><time>${escapeHtml(m.ts)}</time> <strong>${escapeHtml(m.u.username)}</strong> <code>${escapeHtml(m.t)}</code> ${escapeHtml(m.msg)}</li>`,
    )
    .join('');
  const facts: [string, string][] = [
    ['Caller', room.fname],
    ['Phone', room.v.phone ?? '(none)'],
    ['Agent', room.servedBy.username],
    ['Direction', room.direction ?? '(unset)'],
    ['Status', room.open ? 'open' : 'closed'],
    ['Started', room.ts],
    ...(room.tags?.length ? ([['Tags', room.tags.join(', ')]] as [string, string][]) : []),
  ];
  const dl = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(room.name)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:48rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}li{margin:.25rem 0}code{background:#eee;padding:0 .25rem}</style>
</head><body><h1>${escapeHtml(room.name)}</h1><p>Simulated Rocket.Chat ${escapeHtml(sim.version)} &middot; read-only</p>
<dl>${dl}</dl><h2>Messages</h2>${rows ? `<ol>${rows}</ol>` : '<p>No messages.</p>'}</body></html>`;
  return { status: 200, body: null, html };
}
