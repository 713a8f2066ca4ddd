/**
 * A table that compares two or three subjects in words names them, whether they are its rows' first
 * column or (under an empty corner cell) its header; a table of figures is left to its rows (issue 23,
 * the tester's round after stop 39). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const prose = {
  before: 'Picking a message broker depends on the load and the guarantees the team needs.\n\nThroughput matters first: an event stream produces millions of messages per hour.',
  after: 'Retention decides next: replaying a stream needs messages kept after they are read.\n\nOrdering matters last, for consumers that depend on the sequence of events.',
};

describe('a comparison table in a note of prose', () => {
  it('names the subjects of its rows', () => {
    const table = '| Broker | Throughput | Ordering | Retention |\n|---|---|---|---|\n| Kafka | very high | per partition | days, configurable |\n| RabbitMQ | high | per queue | until acknowledged |';
    const points = pointsOf('en', `${prose.before}\n\n${table}\n\n${prose.after}`);
    expect(points).toContain('Broker: Kafka, RabbitMQ');
  });

  it('names the subjects of its header under an empty corner', () => {
    const table = '| | Kafka | RabbitMQ | NATS |\n|---|---|---|---|\n| Throughput | very high | high | very high |\n| Ordering | per partition | per queue | none |\n| Retention | days | until acknowledged | in memory |';
    const points = pointsOf('en', `${prose.before}\n\n${table}\n\n${prose.after}`);
    expect(points).toContain('Kafka, RabbitMQ, NATS');
  });

  it('names them in French too', () => {
    const table = '| Courtier | Débit | Ordre | Rétention |\n|---|---|---|---|\n| Kafka | très élevé | par partition | des jours |\n| RabbitMQ | élevé | par file | jusqu’à l’acquittement |';
    const before = 'Choisir un courtier de messages dépend de la charge et des garanties voulues.\n\nLe débit compte d’abord : un flux d’événements produit des millions de messages par heure.';
    const after = 'La rétention décide ensuite : relire un flux demande de garder les messages.\n\nL’ordre importe enfin pour les traitements qui dépendent de la séquence des événements.';
    expect(pointsOf('fr', `${before}\n\n${table}\n\n${after}`)).toContain('Courtier: Kafka, RabbitMQ');
  });
});

describe('a comparison table with its subjects in the header under a corner word', () => {
  it('names them (the tester’s "| Critère | Kafka | RabbitMQ |")', () => {
    const table = '| Critère | Kafka | RabbitMQ |\n| --- | --- | --- |\n| Débit | très élevé | moyen |\n| Rétention | oui | non |\n| Routage | simple | flexible |';
    const points = pointsOf('fr', `Voici la comparaison :\n\n${table}`);
    expect(points).toContain('La comparaison : Kafka, RabbitMQ');
  });
});

describe('a table of figures', () => {
  it('is not named by its row labels', () => {
    const table = '| | AB=00 | AB=01 | AB=11 |\n|---|---|---|---|\n| C=0 | 0 | 1 | 1 |\n| C=1 | 1 | 0 | 1 |';
    const points = pointsOf('en', `A Karnaugh map groups adjacent ones to simplify a function.\n\n${table}\n\nGrouping the ones in pairs gives the simplest sum of products for the function.`);
    expect(points.join('\n')).not.toMatch(/AB=00, AB=01|C=0, C=1/);
  });
});

describe('a comparison of subjects in its header, by more than three rows', () => {
  // The header's subjects are compared by any number of criteria (issue 23, F7: four rows under an
  // empty corner or "Feature" named the criteria, "Model, Throughput, Ordering, Replay", and neither broker).
  const rows = '| Storage | log on disk | queue in memory |\n| Throughput | very high | high |\n| Ordering | per partition | per queue |\n| Replay | possible | not possible |\n| Routing | by topic | by exchange rules |';
  it.each([
    ['an empty corner', `| | Kafka | RabbitMQ |\n|---|---|---|\n${rows}`],
    ['a corner naming the criteria', `| Feature | Kafka | RabbitMQ |\n|---|---|---|\n${rows}`],
  ])('names them under %s', (_, table) => {
    const points = pointsOf('en', `${prose.before}\n\n${table}\n\n${prose.after}`);
    expect(points).toContain('Kafka, RabbitMQ');
    expect(points.join('\n')).not.toMatch(/Storage, Throughput/);
  });

  it('a table of figures with five rows is still not named by its labels', () => {
    const table = '| | Q1 | Q2 | Q3 |\n|---|---|---|---|\n| North | 12 | 15 | 11 |\n| South | 9 | 8 | 14 |\n| East | 20 | 21 | 19 |\n| West | 7 | 6 | 9 |\n| Central | 13 | 12 | 15 |';
    const points = pointsOf('en', `Regional sales were steady through the first three quarters of the year.\n\n${table}\n\nThe east region led every quarter, helped by two new distribution centres.`);
    expect(points.join('\n')).not.toMatch(/Q1, Q2/);
  });
});
