import { createElement, type ReactElement } from 'react';
import {
  $create,
  $getDocument,
  $getState,
  $setState,
  createState,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';
import { z } from 'zod';
import { CreditSchema, datelineText, type DatelineNodeJSON } from '../../../../core/model/body';

/** The fields of a 电头, as the model stores them (src/core/model/body.ts DatelineNodeSchema). */
export type Dateline = Pick<DatelineNodeJSON, 'agency' | 'place' | 'date' | 'suffix' | 'credits'>;

const SUFFIXES = ['讯', '电', '报道'] as const;
type Suffix = (typeof SUFFIXES)[number];

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const optionalText = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const CreditsSchema = z.array(CreditSchema);

// Each field is flat NodeState, so the node serializes exactly as the model's dateline object.
const agencyState = createState('agency', { parse: text });
const placeState = createState('place', { parse: text });
const dateState = createState('date', { parse: optionalText });
const suffixState = createState('suffix', {
  parse: (v: unknown): Suffix | undefined => (SUFFIXES as readonly unknown[]).includes(v) ? (v as Suffix) : undefined,
});
const creditsState = createState('credits', {
  parse: (v: unknown) => CreditsSchema.safeParse(v).data ?? [],
  isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b),
});

/**
 * 电头 `本报济宁讯（通讯员\u3000刘春雷）`: an inline, atomic node at the start of the first paragraph
 * (dateline.ts keeps it there). It shows `datelineText`, the same string the composer sets.
 */
export class DatelineNode extends DecoratorNode<ReactElement> {
  override $config() {
    return this.config('dateline', {
      extends: DecoratorNode,
      stateConfigs: [agencyState, placeState, dateState, suffixState, creditsState].map((stateConfig) => ({ stateConfig, flat: true })),
    });
  }

  getDateline(): Dateline {
    const date = $getState(this, dateState);
    const suffix = $getState(this, suffixState);
    return {
      agency: $getState(this, agencyState),
      place: $getState(this, placeState),
      ...(date !== undefined ? { date } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
      credits: $getState(this, creditsState),
    };
  }

  setDateline(d: Dateline): this {
    $setState(this, agencyState, d.agency);
    $setState(this, placeState, d.place);
    $setState(this, dateState, d.date);
    $setState(this, suffixState, d.suffix);
    return $setState(this, creditsState, d.credits);
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  /** Copy as plain text gives the printed dateline. */
  override getTextContent(): string {
    return datelineText(this.getDateline());
  }

  override createDOM(config: EditorConfig) {
    const dom = $getDocument().createElement('span');
    const className = config.theme.dateline;
    if (typeof className === 'string') dom.className = className;
    dom.dataset.testid = 'story-dateline';
    return dom;
  }

  override updateDOM(): false {
    return false;
  }

  override decorate(): ReactElement {
    const full = this.getTextContent();
    const bracket = full.indexOf('（');
    const head = bracket < 0 ? full : full.slice(0, bracket);
    const credits = bracket < 0 ? '' : full.slice(bracket);
    // Head in 黑体 and credits in 楷体 on the page (compose-input.ts); the classes let the screen follow.
    return createElement(
      'span',
      { className: 'story-dateline__text', title: full },
      createElement('span', { className: 'story-dateline__head' }, head),
      credits ? createElement('span', { className: 'story-dateline__credits' }, credits) : null,
    );
  }
}

export function $createDatelineNode(d: Dateline): DatelineNode {
  return $create(DatelineNode).setDateline(d);
}

export function $isDatelineNode(node: LexicalNode | null | undefined): node is DatelineNode {
  return node instanceof DatelineNode;
}
