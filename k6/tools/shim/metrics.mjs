// Stand-in for `k6/metrics` (Counter, Gauge, Rate, Trend), after k6's documentation: metrics are declared in
// the init context only, with a name of letters, digits and underscores, and one name has one type.
import { baseTags, sample, state } from './state.mjs';

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]{0,127}$/;

class Metric {
  constructor(type, name, isTime = false) {
    if (state.phase !== 'init') throw new Error(`metric ${name}: metrics must be declared in the init context`);
    if (!NAME.test(name)) throw new Error(`metric name ${JSON.stringify(name)} is not [a-zA-Z_][a-zA-Z0-9_]{0,127}`);
    const known = state.metrics.get(name);
    if (known && known.type !== type) throw new Error(`metric ${name} is already declared as a ${known.type}`);
    state.metrics.set(name, { type, isTime: !!isTime });
    this.name = name;
    this.type = type;
  }

  add(value, tags = {}) {
    if (state.phase === 'init') throw new Error(`metric ${this.name}: add() is not allowed in the init context`);
    const number = typeof value === 'boolean' ? Number(value) : Number(value);
    if (!Number.isFinite(number)) throw new Error(`metric ${this.name}: add(${value}) is not a number`);
    sample(this.name, this.type === 'rate' ? (number !== 0 ? 1 : 0) : number, { ...baseTags(), ...tags });
  }
}

export class Counter extends Metric { constructor(name) { super('counter', name); } }
export class Gauge extends Metric { constructor(name, isTime) { super('gauge', name, isTime); } }
export class Rate extends Metric { constructor(name) { super('rate', name); } }
export class Trend extends Metric { constructor(name, isTime) { super('trend', name, isTime); } }

export default { Counter, Gauge, Rate, Trend };
