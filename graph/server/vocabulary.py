"""Terms the query editor completes: the published contract's classes and properties."""

from __future__ import annotations

CONTRACT_TERMS = """
schema:NewsArticle schema:identifier schema:headline schema:datePublished schema:publisher schema:url
schema:mentions schema:Person schema:GovernmentOrganization schema:Place schema:containedInPlace schema:name
schema:Event schema:startDate schema:location schema:attendee schema:about schema:provider schema:Quotation
schema:text schema:creator schema:isPartOf schema:inLanguage schema:NewsMediaOrganization schema:Country
org:Organization org:subOrganizationOf org:Membership org:member org:organization org:role org:Role
org:hasMembership skos:altLabel skos:prefLabel
warta:Meeting warta:Agreement warta:Program warta:acting warta:actingForm warta:party warta:status warta:meetingType
warta:topic warta:startDateTime warta:timezone warta:targetValue warta:targetUnit warta:targetText
warta:candidateMatch warta:CandidateMatch warta:matchTarget warta:matchScore warta:organizationType
warta:kemendagriCode warta:dateline warta:contentHash warta:Province warta:Regency warta:City warta:District
warta:Village warta:Venue
nif:Context nif:String nif:Phrase nif:Sentence nif:isString nif:beginIndex nif:endIndex nif:anchorOf
nif:referenceContext nif:sentence nif:sourceUrl itsrdf:taIdentRef
prov:Activity prov:wasGeneratedBy prov:wasAssociatedWith prov:endedAtTime prov:SoftwareAgent
rdf:type rdfs:label rdfs:comment xsd:date xsd:dateTime xsd:integer xsd:decimal xsd:string
""".split()
