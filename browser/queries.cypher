// kg: ready Cypher queries for the Neo4j Browser.
// Paste one into the editor and run it; the star button saves it as a favorite (README).
// Queries with $parameters: set them first, e.g.  :param company => 'OpenAI'

// Who leads which project (graph view)
MATCH (p:Person)-[r:LEADS|HAS_ROLE]->(x:Project)
RETURN p, r, x LIMIT 200;

// Who leads which project or organization (table, most corroborated first)
MATCH (p:Person)-[r:LEADS]->(x)
RETURN p.name AS person, x.name AS leads, labels(x)[1] AS kind, r.articleCount AS articles
ORDER BY articles DESC, person LIMIT 200;

// A company's network   (:param company => 'OpenAI')
MATCH (o:Organization)
WHERE o.name = $company OR $company IN o.aliases
MATCH path = (o)-[:LEADS|FOUNDED|PARTICIPATES_IN|OPERATES|INVESTS_IN|SUPPLIES|PARTNERS_WITH|HAS_ROLE]-(x:Entity)
RETURN path LIMIT 200;

// The sources of the facts about an entity   (:param name => 'Stargate')
MATCH (e:Entity)<-[:SUBJECT|OBJECT]-(f:Fact)-[s:STATED_IN]->(a:Article)
WHERE e.name = $name OR $name IN e.aliases
OPTIONAL MATCH (f)-[:SUBJECT]->(subj:Entity)
OPTIONAL MATCH (f)-[:OBJECT]->(obj:Entity)
RETURN subj.name AS subject, coalesce(f.role, f.type) AS fact, obj.name AS object, f.value AS value, f.unit AS unit,
       f.articleCount AS articles, a.id AS article, a.title AS title, s.statedOn AS stated,
       s.sentence AS sentence, s.start AS start, s.end AS end, s.extractor AS extractor, s.confidence AS confidence
ORDER BY subject, fact, stated;

// One fact with all its sources (graph view)   (:param factId => '<id from the table above>')
MATCH (f:Fact {id: $factId})-[s:STATED_IN]->(a:Article)
OPTIONAL MATCH (f)-[r:SUBJECT|OBJECT]->(e:Entity)
RETURN f, s, a, r, e;

// Amounts that articles disagree on (same owner and unit, different values)
MATCH (e:Entity)-[:HAS_QUANTITY]->(q:QuantityFact)
WITH e, q.unit AS unit, collect(q) AS qs
WHERE size(qs) > 1
UNWIND qs AS q
MATCH (q)-[s:STATED_IN]->(a:Article)
RETURN e.name AS owner, unit, q.value AS value, q.qualifier AS qualifier, a.id AS article, s.statedOn AS stated, s.text AS text
ORDER BY owner, unit, value;

// The most corroborated facts
MATCH (f:Fact)-[:SUBJECT]->(s:Entity)
OPTIONAL MATCH (f)-[:OBJECT]->(o:Entity)
RETURN s.name AS subject, coalesce(f.role, f.type) AS fact, o.name AS object, f.value AS value, f.unit AS unit,
       f.articleCount AS articles, f.firstStated AS first, f.lastStated AS last
ORDER BY articles DESC LIMIT 50;

// Find an entity by any of its names (full-text)   (:param q => 'stargate')
CALL db.index.fulltext.queryNodes('entityNames', $q) YIELD node, score
RETURN node.name AS name, node.type AS type, node.aliases AS aliases, node.articleCount AS articles, score
LIMIT 20;

// What one article says   (:param article => 'fixtures/de/seed.txt')
MATCH (a:Article {id: $article})<-[s:STATED_IN]-(f:Fact)
OPTIONAL MATCH (f)-[:SUBJECT]->(subj:Entity)
OPTIONAL MATCH (f)-[:OBJECT]->(obj:Entity)
RETURN s.start AS at, subj.name AS subject, coalesce(f.role, f.type) AS fact, obj.name AS object, f.value AS value,
       f.unit AS unit, s.text AS text
ORDER BY at;

// Everything loaded, in numbers
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (f:Fact) RETURN count(f) AS facts }
CALL { MATCH ()-[s:STATED_IN]->() RETURN count(s) AS sources }
RETURN articles, entities, facts, sources;
