/**
 * The Playground's live map: the organization around its accounts, each account a column of its
 * users, roles, buckets, instances and functions, arrows for who can assume which role and dashed
 * arrows for who can read which bucket. The same facts follow as lists, for screen readers,
 * keyboard users and anyone who prefers text; the SVG itself is one labelled image.
 * The layout is a fixed column per account, so the same world always draws the same picture.
 */
import type { MapEdge, MapNode, NodeKind, WorldMapModel } from './map.ts';

const PAD_X = 56;
const TOP = 60;
const COL_W = 220;
const COL_GAP = 96;
const HEAD_H = 50;
const NODE_W = 196;
const NODE_H = 30;
const NODE_GAP = 8;

const KIND_WORD: Record<NodeKind, string> = {
  user: 'User',
  role: 'Role',
  bucket: 'Bucket',
  instance: 'EC2',
  function: 'Lambda',
};
const KIND_NAME: Record<NodeKind, string> = {
  user: 'user',
  role: 'role',
  bucket: 'bucket',
  instance: 'EC2 instance',
  function: 'Lambda function',
};

interface Placed {
  node: MapNode;
  col: number;
  x: number;
  y: number;
}

/** Positions of accounts and nodes: one column per account, nodes stacked in their fixed order. */
export function layoutMap(model: WorldMapModel): {
  width: number;
  height: number;
  accounts: { x: number; y: number; h: number }[];
  nodes: Map<string, Placed>;
} {
  // Each account is as tall as its own contents; the organization box fits the tallest.
  const heightOf = (n: number) => HEAD_H + Math.max(1, n) * (NODE_H + NODE_GAP) + 6;
  const accountH = Math.max(...model.accounts.map((a) => heightOf(a.nodes.length)), heightOf(1));
  const nodes = new Map<string, Placed>();
  const accounts = model.accounts.map((a, col) => {
    const x = PAD_X + col * (COL_W + COL_GAP);
    a.nodes.forEach((node, i) =>
      nodes.set(node.id, {
        node,
        col,
        x: x + (COL_W - NODE_W) / 2,
        y: TOP + HEAD_H + i * (NODE_H + NODE_GAP),
      }),
    );
    return { x, y: TOP, h: heightOf(a.nodes.length) };
  });
  const width =
    PAD_X * 2 + model.accounts.length * COL_W + Math.max(0, model.accounts.length - 1) * COL_GAP;
  return { width, height: TOP + accountH + 20, accounts, nodes };
}

/** A short tag for a condition on the arrow itself (the lists below say it in full). */
function conditionTag(condition: string): string {
  if (condition === '' || condition.startsWith('through') || condition.startsWith('as its'))
    return '';
  const mfa = condition.includes('MFA');
  const ext = condition.includes('ExternalId');
  return mfa && ext ? 'MFA + ExternalId' : mfa ? 'MFA' : ext ? 'ExternalId' : '';
}

/** The SVG path of an edge, with where its tag goes. */
function edgePath(
  from: Placed,
  to: Placed,
  lane: number,
  side: 'left' | 'right',
): { d: string; tx: number; ty: number } {
  const fy = from.y + NODE_H / 2;
  const ty = to.y + NODE_H / 2;
  if (from.col === to.col) {
    // Same account: a loop beside the column; who-can-assume on the right, who-can-read on the left.
    const bulge = 22 + (lane % 6) * 7;
    const x = side === 'right' ? from.x + NODE_W : from.x;
    const bx = side === 'right' ? x + bulge : x - bulge;
    return {
      d: `M ${x} ${fy} C ${bx} ${fy}, ${bx} ${ty}, ${x + (side === 'right' ? 2 : -2)} ${ty}`,
      tx: bx - (side === 'right' ? 4 : -4),
      ty: (fy + ty) / 2,
    };
  }
  const forward = to.col > from.col;
  if (Math.abs(to.col - from.col) > 1) {
    // Skipping a column: over the top of the accounts, so the arrow never runs through another account.
    const sx = forward ? from.x + NODE_W : from.x;
    const ex = forward ? to.x - 2 : to.x + NODE_W + 2;
    const dir = forward ? 1 : -1;
    const top = TOP - 8 - (lane % 3) * 5;
    return {
      d: `M ${sx} ${fy} C ${sx + 30 * dir} ${fy}, ${sx + 30 * dir} ${top}, ${sx + 60 * dir} ${top} L ${ex - 60 * dir} ${top} C ${ex - 30 * dir} ${top}, ${ex - 30 * dir} ${ty}, ${ex} ${ty}`,
      tx: ex - 34 * dir,
      ty: ty - 8,
    };
  }
  const sx = forward ? from.x + NODE_W : from.x;
  const ex = forward ? to.x - 2 : to.x + NODE_W + 2;
  const mid = (sx + ex) / 2;
  return {
    d: `M ${sx} ${fy} C ${mid} ${fy}, ${mid} ${ty}, ${ex} ${ty}`,
    tx: mid,
    ty: (fy + ty) / 2,
  };
}

function nodeName(model: WorldMapModel, id: string): string {
  for (const a of model.accounts) {
    const n = a.nodes.find((x) => x.id === id);
    if (n !== undefined) return `${KIND_NAME[n.kind]} ${n.label} (${a.name})`;
  }
  return id;
}

/** One fact of the map as a sentence. */
export function edgeSentence(model: WorldMapModel, e: MapEdge): string {
  const verb = e.kind === 'assume' ? 'can assume' : 'can read objects in';
  return `${nodeName(model, e.from)} ${verb} ${nodeName(model, e.to)}${e.condition === '' ? '' : ` ${e.condition}`}`;
}

export default function WorldMap({ model }: { model: WorldMapModel }) {
  const { width, height, accounts, nodes } = layoutMap(model);
  const lanes = new Map<string, number>();
  // One tag per role and condition: several callers needing the same thing share it.
  const tagged = new Set<string>();
  const assume = model.edges.filter((e) => e.kind === 'assume');
  const reach = model.edges.filter((e) => e.kind === 'reach');
  const totalNodes = model.accounts.reduce((n, a) => n + a.nodes.length, 0);
  const desc = `${model.accounts.length} accounts${model.organization !== null ? ` in organization ${model.organization}` : ''}, ${totalNodes} users, roles and resources, ${assume.length} ways to assume a role and ${reach.length} ways to read a bucket. The same facts are listed after the map.`;
  return (
    <figure class="pg-map">
      <div
        class="pg-map-scroll"
        tabIndex={0}
        role="region"
        aria-label="Map of the world (scrolls sideways on narrow screens)"
      >
        <svg
          class="pg-map-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby="pg-map-title pg-map-desc"
        >
          <title id="pg-map-title">Map of the Playground world</title>
          <desc id="pg-map-desc">{desc}</desc>
          <defs>
            <marker
              id="pg-arrow-assume"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" class="pg-marker-assume" />
            </marker>
            <marker
              id="pg-arrow-reach"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 1 L 9 5 L 0 9" class="pg-marker-reach" />
            </marker>
          </defs>
          {model.organization !== null && (
            <g class="pg-org">
              <rect
                x={PAD_X / 2 - 8}
                y={8}
                width={width - PAD_X + 16}
                height={height - 14}
                rx={14}
              />
              <text x={PAD_X / 2 + 4} y={28}>
                Organization {model.organization}
              </text>
            </g>
          )}
          {model.accounts.map((a, i) => {
            const box = accounts[i];
            if (box === undefined) return null;
            return (
              <g key={a.id} class={`pg-account${a.management ? ' management' : ''}`}>
                <rect x={box.x} y={box.y} width={COL_W} height={box.h} rx={10} />
                <text x={box.x + 12} y={box.y + 20} class="pg-account-name">
                  {a.name}
                </text>
                <text x={box.x + 12} y={box.y + 37} class="pg-account-id">
                  {a.id} ·{' '}
                  {a.management ? 'management' : a.inOrganization ? 'member' : 'standalone'}
                </text>
              </g>
            );
          })}
          {model.edges.map((e) => {
            const from = nodes.get(e.from);
            const to = nodes.get(e.to);
            if (from === undefined || to === undefined) return null;
            const side = e.kind === 'assume' ? 'right' : 'left';
            const laneKey = `${from.col}-${side}`;
            const lane =
              Math.abs(from.col - to.col) > 1 ? (lanes.get('top') ?? 0) : (lanes.get(laneKey) ?? 0);
            if (from.col === to.col) lanes.set(laneKey, lane + 1);
            else if (Math.abs(from.col - to.col) > 1) lanes.set('top', (lanes.get('top') ?? 0) + 1);
            const { d, tx, ty } = edgePath(from, to, lane, side);
            let tag = conditionTag(e.condition);
            const tagKey = `${e.to}|${tag}|${from.col === to.col ? 'same' : from.col < to.col ? 'in' : 'out'}`;
            if (tag !== '' && tagged.has(tagKey)) tag = '';
            else tagged.add(tagKey);
            return (
              <g key={`${e.kind}-${e.from}-${e.to}`} class={`pg-edge pg-edge-${e.kind}`}>
                <title>{edgeSentence(model, e)}</title>
                <path d={d} marker-end={`url(#pg-arrow-${e.kind})`} />
                {tag !== '' && (
                  <text x={tx} y={ty + 3} class="pg-edge-tag" text-anchor="middle">
                    {tag}
                  </text>
                )}
              </g>
            );
          })}
          {[...nodes.values()].map(({ node, x, y }) => (
            <g key={node.id} class={`pg-node pg-node-${node.kind}`}>
              <title>{`${KIND_NAME[node.kind]} ${node.label}`}</title>
              <rect
                x={x}
                y={y}
                width={NODE_W}
                height={NODE_H}
                rx={node.kind === 'user' ? 15 : node.kind === 'bucket' ? 2 : 6}
              />
              <text x={x + 10} y={y + 19}>
                <tspan class="pg-node-kind">{KIND_WORD[node.kind]}</tspan>{' '}
                {node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption class="pg-legend">
        <span class="pg-legend-item">
          <svg width="44" height="12" aria-hidden="true">
            <path d="M 2 6 L 40 6" class="pg-legend-assume" marker-end="url(#pg-arrow-assume)" />
          </svg>{' '}
          solid arrow: can assume the role (a tag says what the caller must bring: MFA, ExternalId)
        </span>
        <span class="pg-legend-item">
          <svg width="44" height="12" aria-hidden="true">
            <path d="M 2 6 L 40 6" class="pg-legend-reach" marker-end="url(#pg-arrow-reach)" />
          </svg>{' '}
          dashed arrow: can read objects in the bucket (s3:GetObject)
        </span>
        <span class="pg-legend-item">
          Rounded boxes are users; square boxes are buckets. Every arrow is the simulator's
          decision, not a reading of names.
        </span>
      </figcaption>
      <div class="pg-facts">
        <h3 id="pg-facts-assume">Who can assume which role</h3>
        {assume.length === 0 ? (
          <p>Nobody can assume any role.</p>
        ) : (
          <ul aria-labelledby="pg-facts-assume">
            {assume.map((e) => (
              <li key={`${e.from}-${e.to}`}>{edgeSentence(model, e)}</li>
            ))}
          </ul>
        )}
        <h3 id="pg-facts-reach">Who can read which bucket</h3>
        {reach.length === 0 ? (
          <p>Nobody can read any bucket.</p>
        ) : (
          <ul aria-labelledby="pg-facts-reach">
            {reach.map((e) => (
              <li key={`${e.from}-${e.to}`}>{edgeSentence(model, e)}</li>
            ))}
          </ul>
        )}
      </div>
    </figure>
  );
}
