// Our region codes (the two-digit codes of packages/shared's REGIONS) and the map's shapes, whose ids are
// ISO 3166-2 (RU-MOW…) in @amcharts/amcharts5-geodata's russiaCrimeaLow. Regions without a shape of their own
// are named in NOT_ON_MAP: their figures are in the table under the map (a test holds the two lists to REGIONS).
export const REGION_ISO: Readonly<Record<string, string>> = {
  '01': 'RU-AD', '02': 'RU-BA', '03': 'RU-BU', '04': 'RU-AL', '05': 'RU-DA', '06': 'RU-IN', '07': 'RU-KB', '08': 'RU-KL',
  '09': 'RU-KC', '10': 'RU-KR', '11': 'RU-KO', '12': 'RU-ME', '13': 'RU-MO', '14': 'RU-SA', '15': 'RU-SE', '16': 'RU-TA',
  '17': 'RU-TY', '18': 'RU-UD', '19': 'RU-KK', '20': 'RU-CE', '21': 'RU-CU', '22': 'RU-ALT', '23': 'RU-KDA', '24': 'RU-KYA',
  '25': 'RU-PRI', '26': 'RU-STA', '27': 'RU-KHA', '28': 'RU-AMU', '29': 'RU-ARK', '30': 'RU-AST', '31': 'RU-BEL', '32': 'RU-BRY',
  '33': 'RU-VLA', '34': 'RU-VGG', '35': 'RU-VLG', '36': 'RU-VOR', '37': 'RU-IVA', '38': 'RU-IRK', '39': 'RU-KGD', '40': 'RU-KLU',
  '41': 'RU-KAM', '42': 'RU-KEM', '43': 'RU-KIR', '44': 'RU-KOS', '45': 'RU-KGN', '46': 'RU-KRS', '47': 'RU-LEN', '48': 'RU-LIP',
  '49': 'RU-MAG', '50': 'RU-MOS', '51': 'RU-MUR', '52': 'RU-NIZ', '53': 'RU-NGR', '54': 'RU-NVS', '55': 'RU-OMS', '56': 'RU-ORE',
  '57': 'RU-ORL', '58': 'RU-PNZ', '59': 'RU-PER', '60': 'RU-PSK', '61': 'RU-ROS', '62': 'RU-RYA', '63': 'RU-SAM', '64': 'RU-SAR',
  '65': 'RU-SAK', '66': 'RU-SVE', '67': 'RU-SMO', '68': 'RU-TAM', '69': 'RU-TVE', '70': 'RU-TOM', '71': 'RU-TUL', '72': 'RU-TYU',
  '73': 'RU-ULY', '74': 'RU-CHE', '75': 'RU-ZAB', '76': 'RU-YAR', '77': 'RU-MOW', '78': 'RU-SPE', '79': 'RU-YEV', '83': 'RU-NEN',
  '86': 'RU-KHM', '87': 'RU-CHU', '89': 'RU-YAN', '91': 'RU-CR',
};

/**
 * Regions the map has no shape for: Sevastopol lies inside the shape of Crimea (RU-CR, region 91), and the map
 * package has no shapes for the four regions added in 2022.
 */
export const NOT_ON_MAP: readonly string[] = ['90', '92', '93', '94', '95'];

/** Our region code of a shape's ISO id. */
export const REGION_OF_ISO: ReadonlyMap<string, string> = new Map(Object.entries(REGION_ISO).map(([code, iso]) => [iso, code]));
