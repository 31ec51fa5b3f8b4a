/**
 * The councils of England with children's services (153 from April 2025), each with the DfE's
 * three-digit local authority number and the ONS GSS code of the upper-tier authority, and the
 * districts (GSS E07) of the 21 two-tier counties. The SSDA903 names a placement's council
 * (PL_LA) by the upper-tier GSS code; the ONS Postcode Directory gives the district, so a district
 * of a county is read as its county.
 *
 * Sources: DfE, local authority names and codes (Get Information about Schools, as the DfE's
 * statistics screener lists them, live on 1 May 2025); ONS, Local Authority District to County
 * lookup (April 2025). Open Government Licence v3.0.
 */

/** DfE number, GSS code and name of each council, in order of GSS code. */
const councilRows: readonly (readonly [number: string, gss: string, name: string])[] = [
  ['805', 'E06000001', 'Hartlepool'],
  ['806', 'E06000002', 'Middlesbrough'],
  ['807', 'E06000003', 'Redcar and Cleveland'],
  ['808', 'E06000004', 'Stockton-on-Tees'],
  ['841', 'E06000005', 'Darlington'],
  ['876', 'E06000006', 'Halton'],
  ['877', 'E06000007', 'Warrington'],
  ['889', 'E06000008', 'Blackburn with Darwen'],
  ['890', 'E06000009', 'Blackpool'],
  ['810', 'E06000010', 'Kingston upon Hull, City of'],
  ['811', 'E06000011', 'East Riding of Yorkshire'],
  ['812', 'E06000012', 'North East Lincolnshire'],
  ['813', 'E06000013', 'North Lincolnshire'],
  ['816', 'E06000014', 'York'],
  ['831', 'E06000015', 'Derby'],
  ['856', 'E06000016', 'Leicester'],
  ['857', 'E06000017', 'Rutland'],
  ['892', 'E06000018', 'Nottingham'],
  ['884', 'E06000019', 'Herefordshire, County of'],
  ['894', 'E06000020', 'Telford and Wrekin'],
  ['861', 'E06000021', 'Stoke-on-Trent'],
  ['800', 'E06000022', 'Bath and North East Somerset'],
  ['801', 'E06000023', 'Bristol, City of'],
  ['802', 'E06000024', 'North Somerset'],
  ['803', 'E06000025', 'South Gloucestershire'],
  ['879', 'E06000026', 'Plymouth'],
  ['880', 'E06000027', 'Torbay'],
  ['866', 'E06000030', 'Swindon'],
  ['874', 'E06000031', 'Peterborough'],
  ['821', 'E06000032', 'Luton'],
  ['882', 'E06000033', 'Southend-on-Sea'],
  ['883', 'E06000034', 'Thurrock'],
  ['887', 'E06000035', 'Medway'],
  ['867', 'E06000036', 'Bracknell Forest'],
  ['869', 'E06000037', 'West Berkshire'],
  ['870', 'E06000038', 'Reading'],
  ['871', 'E06000039', 'Slough'],
  ['868', 'E06000040', 'Windsor and Maidenhead'],
  ['872', 'E06000041', 'Wokingham'],
  ['826', 'E06000042', 'Milton Keynes'],
  ['846', 'E06000043', 'Brighton and Hove'],
  ['851', 'E06000044', 'Portsmouth'],
  ['852', 'E06000045', 'Southampton'],
  ['921', 'E06000046', 'Isle of Wight'],
  ['840', 'E06000047', 'County Durham'],
  ['895', 'E06000049', 'Cheshire East'],
  ['896', 'E06000050', 'Cheshire West and Chester'],
  ['893', 'E06000051', 'Shropshire'],
  ['908', 'E06000052', 'Cornwall'],
  ['420', 'E06000053', 'Isles of Scilly'],
  ['865', 'E06000054', 'Wiltshire'],
  ['822', 'E06000055', 'Bedford'],
  ['823', 'E06000056', 'Central Bedfordshire'],
  ['929', 'E06000057', 'Northumberland'],
  ['839', 'E06000058', 'Bournemouth, Christchurch and Poole'],
  ['838', 'E06000059', 'Dorset'],
  ['825', 'E06000060', 'Buckinghamshire'],
  ['940', 'E06000061', 'North Northamptonshire'],
  ['941', 'E06000062', 'West Northamptonshire'],
  ['942', 'E06000063', 'Cumberland'],
  ['943', 'E06000064', 'Westmorland and Furness'],
  ['815', 'E06000065', 'North Yorkshire'],
  ['933', 'E06000066', 'Somerset'],
  ['350', 'E08000001', 'Bolton'],
  ['351', 'E08000002', 'Bury'],
  ['352', 'E08000003', 'Manchester'],
  ['353', 'E08000004', 'Oldham'],
  ['354', 'E08000005', 'Rochdale'],
  ['355', 'E08000006', 'Salford'],
  ['356', 'E08000007', 'Stockport'],
  ['357', 'E08000008', 'Tameside'],
  ['358', 'E08000009', 'Trafford'],
  ['359', 'E08000010', 'Wigan'],
  ['340', 'E08000011', 'Knowsley'],
  ['341', 'E08000012', 'Liverpool'],
  ['342', 'E08000013', 'St. Helens'],
  ['343', 'E08000014', 'Sefton'],
  ['344', 'E08000015', 'Wirral'],
  ['371', 'E08000017', 'Doncaster'],
  ['372', 'E08000018', 'Rotherham'],
  ['391', 'E08000021', 'Newcastle upon Tyne'],
  ['392', 'E08000022', 'North Tyneside'],
  ['393', 'E08000023', 'South Tyneside'],
  ['394', 'E08000024', 'Sunderland'],
  ['330', 'E08000025', 'Birmingham'],
  ['331', 'E08000026', 'Coventry'],
  ['332', 'E08000027', 'Dudley'],
  ['333', 'E08000028', 'Sandwell'],
  ['334', 'E08000029', 'Solihull'],
  ['335', 'E08000030', 'Walsall'],
  ['336', 'E08000031', 'Wolverhampton'],
  ['380', 'E08000032', 'Bradford'],
  ['381', 'E08000033', 'Calderdale'],
  ['382', 'E08000034', 'Kirklees'],
  ['383', 'E08000035', 'Leeds'],
  ['384', 'E08000036', 'Wakefield'],
  ['390', 'E08000037', 'Gateshead'],
  ['370', 'E08000038', 'Barnsley'],
  ['373', 'E08000039', 'Sheffield'],
  ['201', 'E09000001', 'City of London'],
  ['301', 'E09000002', 'Barking and Dagenham'],
  ['302', 'E09000003', 'Barnet'],
  ['303', 'E09000004', 'Bexley'],
  ['304', 'E09000005', 'Brent'],
  ['305', 'E09000006', 'Bromley'],
  ['202', 'E09000007', 'Camden'],
  ['306', 'E09000008', 'Croydon'],
  ['307', 'E09000009', 'Ealing'],
  ['308', 'E09000010', 'Enfield'],
  ['203', 'E09000011', 'Greenwich'],
  ['204', 'E09000012', 'Hackney'],
  ['205', 'E09000013', 'Hammersmith and Fulham'],
  ['309', 'E09000014', 'Haringey'],
  ['310', 'E09000015', 'Harrow'],
  ['311', 'E09000016', 'Havering'],
  ['312', 'E09000017', 'Hillingdon'],
  ['313', 'E09000018', 'Hounslow'],
  ['206', 'E09000019', 'Islington'],
  ['207', 'E09000020', 'Kensington and Chelsea'],
  ['314', 'E09000021', 'Kingston upon Thames'],
  ['208', 'E09000022', 'Lambeth'],
  ['209', 'E09000023', 'Lewisham'],
  ['315', 'E09000024', 'Merton'],
  ['316', 'E09000025', 'Newham'],
  ['317', 'E09000026', 'Redbridge'],
  ['318', 'E09000027', 'Richmond upon Thames'],
  ['210', 'E09000028', 'Southwark'],
  ['319', 'E09000029', 'Sutton'],
  ['211', 'E09000030', 'Tower Hamlets'],
  ['320', 'E09000031', 'Waltham Forest'],
  ['212', 'E09000032', 'Wandsworth'],
  ['213', 'E09000033', 'Westminster'],
  ['873', 'E10000003', 'Cambridgeshire'],
  ['830', 'E10000007', 'Derbyshire'],
  ['878', 'E10000008', 'Devon'],
  ['845', 'E10000011', 'East Sussex'],
  ['881', 'E10000012', 'Essex'],
  ['916', 'E10000013', 'Gloucestershire'],
  ['850', 'E10000014', 'Hampshire'],
  ['919', 'E10000015', 'Hertfordshire'],
  ['886', 'E10000016', 'Kent'],
  ['888', 'E10000017', 'Lancashire'],
  ['855', 'E10000018', 'Leicestershire'],
  ['925', 'E10000019', 'Lincolnshire'],
  ['926', 'E10000020', 'Norfolk'],
  ['891', 'E10000024', 'Nottinghamshire'],
  ['931', 'E10000025', 'Oxfordshire'],
  ['860', 'E10000028', 'Staffordshire'],
  ['935', 'E10000029', 'Suffolk'],
  ['936', 'E10000030', 'Surrey'],
  ['937', 'E10000031', 'Warwickshire'],
  ['938', 'E10000032', 'West Sussex'],
  ['885', 'E10000034', 'Worcestershire'],
];

/** GSS codes a council had before a boundary change or reorganisation, with the code it has now. */
const formerCodes: Readonly<Record<string, string>> = {
  E06000048: 'E06000057', // Northumberland
  E08000016: 'E08000038', // Barnsley
  E08000019: 'E08000039', // Sheffield
  E08000020: 'E08000037', // Gateshead
  E10000002: 'E06000060', // Buckinghamshire
  E10000023: 'E06000065', // North Yorkshire
  E10000027: 'E06000066', // Somerset
};

/** The districts of each two-tier county, separated by spaces. */
const districtsOfCounty: Readonly<Record<string, string>> = {
  E10000003: 'E07000008 E07000009 E07000010 E07000011 E07000012',
  E10000007: 'E07000032 E07000033 E07000034 E07000035 E07000036 E07000037 E07000038 E07000039',
  E10000008: 'E07000040 E07000041 E07000042 E07000043 E07000044 E07000045 E07000046 E07000047',
  E10000011: 'E07000061 E07000062 E07000063 E07000064 E07000065',
  E10000012:
    'E07000066 E07000067 E07000068 E07000069 E07000070 E07000071 E07000072 E07000073 E07000074 E07000075 E07000076 E07000077',
  E10000013: 'E07000078 E07000079 E07000080 E07000081 E07000082 E07000083',
  E10000014:
    'E07000084 E07000085 E07000086 E07000087 E07000088 E07000089 E07000090 E07000091 E07000092 E07000093 E07000094',
  E10000015:
    'E07000095 E07000096 E07000098 E07000099 E07000102 E07000103 E07000240 E07000241 E07000242 E07000243',
  E10000016:
    'E07000105 E07000106 E07000107 E07000108 E07000109 E07000110 E07000111 E07000112 E07000113 E07000114 E07000115 E07000116',
  E10000017:
    'E07000117 E07000118 E07000119 E07000120 E07000121 E07000122 E07000123 E07000124 E07000125 E07000126 E07000127 E07000128',
  E10000018: 'E07000129 E07000130 E07000131 E07000132 E07000133 E07000134 E07000135',
  E10000019: 'E07000136 E07000137 E07000138 E07000139 E07000140 E07000141 E07000142',
  E10000020: 'E07000143 E07000144 E07000145 E07000146 E07000147 E07000148 E07000149',
  E10000024: 'E07000170 E07000171 E07000172 E07000173 E07000174 E07000175 E07000176',
  E10000025: 'E07000177 E07000178 E07000179 E07000180 E07000181',
  E10000028: 'E07000192 E07000193 E07000194 E07000195 E07000196 E07000197 E07000198 E07000199',
  E10000029: 'E07000200 E07000202 E07000203 E07000244 E07000245',
  E10000030:
    'E07000207 E07000208 E07000209 E07000210 E07000211 E07000212 E07000213 E07000214 E07000215 E07000216 E07000217',
  E10000031: 'E07000218 E07000219 E07000220 E07000221 E07000222',
  E10000032: 'E07000223 E07000224 E07000225 E07000226 E07000227 E07000228 E07000229',
  E10000034: 'E07000234 E07000235 E07000236 E07000237 E07000238 E07000239',
};

/** A council with children's services. */
export interface Council {
  /** The DfE's three-digit local authority number (LA_PERM and the UPN use it). */
  readonly number: string;
  /** The ONS GSS code of the upper-tier authority (county, unitary, metropolitan or London borough). */
  readonly gss: string;
  readonly name: string;
}

const councils: readonly Council[] = councilRows.map(([number, gss, name]) => ({ number, gss, name }));
const byCode = new Map<string, Council>();
for (const council of councils) {
  byCode.set(council.number, council);
  byCode.set(council.gss, council);
}
for (const [former, now] of Object.entries(formerCodes)) byCode.set(former, byCode.get(now)!);
const countyOfDistrict = new Map<string, Council>();
for (const [county, districts] of Object.entries(districtsOfCounty)) {
  for (const district of districts.split(' ')) countyOfDistrict.set(district, byCode.get(county)!);
}

/**
 * The council a code names: its DfE three-digit number or its GSS code (any case, or a former code
 * such as Barnsley's E08000016 before May 2025). Undefined when it names no council.
 */
export function councilOf(code: string): Council | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/**
 * The council with children's services for a local authority district of the ONS Postcode
 * Directory: the county for a district of a two-tier county, the council itself otherwise.
 * Undefined for a code outside England or unknown.
 */
export function councilOfDistrict(district: string): Council | undefined {
  return countyOfDistrict.get(district) ?? byCode.get(district);
}

/** Every council, in order of GSS code. */
export function allCouncils(): readonly Council[] {
  return councils;
}

/**
 * Whether a place in a district of the ONS Postcode Directory lies in the area of the council with this code (its
 * GSS code or DfE number): a county's area is its districts (SSDA903 PL_LOCATION: "within the council's own
 * boundary"). A code that names no council with children's services (a district's own, say) is compared with the
 * district as it stands.
 */
export function isInCouncilArea(district: string, councilCode: string): boolean {
  const council = councilOf(councilCode);
  if (council === undefined) return district === councilCode.trim().toUpperCase();
  return councilOfDistrict(district)?.gss === council.gss;
}
