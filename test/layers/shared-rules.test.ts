// The rules that have one home each: button routing, option types, the dataset's order, distances,
// the quiz's kind registry. Each is used by several layers; these pin down what they all rely on.
import { describe, expect, it } from 'vitest';
import { routeComponent } from '../../src/commands/component-id.js';
import { commands, findCommand } from '../../src/commands/index.js';
import { checkInput, UserError } from '../../src/commands/types.js';
import { byEstablished } from '../../src/data/order.js';
import { distanceFromWuhanKm } from '../../src/domain/geo.js';
import { allSubjects } from '../../src/domain/quiz/questions.js';
import { INVISIBLE, MASKED_LINK, visibleText } from '../../src/domain/user-text.js';
import { app as testApp } from '../commands/context.js';

const app = testApp();

describe('routeComponent', () => {
  it('routes "<command>:<rest>" to the command, handing it the rest', () => {
    const route = routeComponent('timeline:p:2000:2010:2', findCommand);
    expect(route?.command.definition.name).toBe('timeline');
    expect(route?.id).toBe('p:2000:2010:2');
  });

  it('routes nothing without a name, to an unknown command, or to one without buttons', () => {
    expect(routeComponent(':pick', findCommand)).toBeNull();
    expect(routeComponent('nosuch:pick', findCommand)).toBeNull();
    expect(routeComponent('about:pick', findCommand)).toBeNull();
    expect(routeComponent('no separator', findCommand)).toBeNull();
  });
});

describe('checkInput', () => {
  const city = findCommand('city')!;
  const quiz = findCommand('quiz')!;

  it('passes options of their declared types, and options no definition declares', () => {
    expect(checkInput(city.definition, { options: { name: 'Duisburg' } })).toEqual({ options: { name: 'Duisburg' } });
    expect(() => checkInput(quiz.definition, { subcommand: 'start', options: { rounds: 5 } })).not.toThrow();
    expect(() => checkInput(city.definition, { options: { extra: 1 } })).not.toThrow();
  });

  it('refuses a declared option of another type with a UserError naming it', () => {
    expect(() => checkInput(city.definition, { options: { name: 42 } })).toThrow(UserError);
    expect(() => checkInput(quiz.definition, { subcommand: 'start', options: { rounds: 'five' } })).toThrow(
      /"rounds" must be a whole number/,
    );
    expect(() => checkInput(quiz.definition, { subcommand: 'start', options: { rounds: 2.5 } })).toThrow(UserError);
  });

  it('knows every command the bot serves', () => {
    for (const command of commands) expect(() => checkInput(command.definition, { options: {} })).not.toThrow();
  });
});

describe('one order, one distance, one set of cleaning patterns', () => {
  it('orders ties oldest first, undated last, by English name within a date', () => {
    const sorted = [...app.data.cities].sort(byEstablished);
    expect(sorted.map((c) => c.id)).toEqual(app.data.cities.map((c) => c.id));
    const undated = sorted.filter((c) => !c.established);
    expect(sorted.slice(-undated.length)).toEqual(undated);
  });

  it('measures from Wuhan along the great circle, and not at all without coordinates', () => {
    const duisburg = app.resolver.byId('duisburg')!;
    expect(distanceFromWuhanKm(app.data, duisburg)).toBeGreaterThan(8000);
    expect(distanceFromWuhanKm(app.data, { coordinates: null })).toBeNull();
  });

  it('drops invisible characters and keeps only the text of masked links', () => {
    expect(visibleText('Du\u200bis\u2060burg')).toBe('Duisburg');
    expect(visibleText('[Paris](https://evil.example)')).toBe('Paris');
    expect('a\tb'.replace(INVISIBLE, '')).toBe('a\tb');
    expect('x [y](z) w'.replace(MASKED_LINK, '$1')).toBe('x y w');
  });
});

describe('the quiz kind registry', () => {
  it('offers every question kind once', () => {
    const kinds = allSubjects(app.data).map((k) => k.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(13);
  });
});
