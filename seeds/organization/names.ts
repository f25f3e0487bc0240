import type { Random } from './random';

/**
 * Plain ASCII given names and family names from many languages. 150 x 150 gives 22,500
 * distinct full names; past that, names repeat (as they do in large companies) and only the
 * email address is made unique.
 */
export const FIRST_NAMES: readonly string[] = [
  'Aarav', 'Abena', 'Ada', 'Adebayo', 'Aditi', 'Ahmed', 'Aiko', 'Aisha', 'Alejandro', 'Alexei',
  'Amara', 'Amir', 'Ana', 'Anders', 'Andrea', 'Anika', 'Arjun', 'Astrid', 'Ayesha', 'Beatriz',
  'Bilal', 'Bongani', 'Camila', 'Carlos', 'Catalina', 'Chen', 'Chidi', 'Chloe', 'Daniel', 'Dara',
  'Dmitri', 'Elena', 'Elif', 'Emeka', 'Emil', 'Emma', 'Esther', 'Fatima', 'Felipe', 'Femi',
  'Freya', 'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hassan', 'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid',
  'Isabel', 'Ivan', 'Jakob', 'Jamal', 'Javier', 'Jia', 'Jin', 'Joao', 'Jonas', 'Julia',
  'Kai', 'Kamala', 'Karim', 'Katarzyna', 'Kenji', 'Kofi', 'Lars', 'Layla', 'Leila', 'Lena',
  'Liam', 'Lin', 'Lucas', 'Lucia', 'Luis', 'Maya', 'Mei', 'Mateo', 'Mohammed', 'Nadia',
  'Naledi', 'Nia', 'Nikhil', 'Nils', 'Noah', 'Nora', 'Oluwaseun', 'Omar', 'Oskar', 'Pablo',
  'Paolo', 'Priya', 'Rafael', 'Rahul', 'Rana', 'Ravi', 'Rosa', 'Ruth', 'Sakura', 'Samir',
  'Santiago', 'Sara', 'Sean', 'Sergei', 'Shira', 'Siddharth', 'Sina', 'Sofia', 'Soo-ah', 'Stefan',
  'Sunita', 'Tariq', 'Thabo', 'Theo', 'Tomas', 'Valentina', 'Victor', 'Wei', 'Yara', 'Yasmin',
  'Yuki', 'Yusuf', 'Zainab', 'Zara', 'Zhen', 'Akira', 'Bea', 'Chiara', 'Diego', 'Eun-ji',
  'Farah', 'Goran', 'Hamid', 'Ife', 'Joon', 'Kiri', 'Lwazi', 'Marta', 'Nasrin', 'Oren',
  'Pita', 'Quan', 'Rustam', 'Selin', 'Tendai', 'Uma', 'Vikram', 'Wanjiru', 'Ximena', 'Zeynep',
];

export const LAST_NAMES: readonly string[] = [
  'Abara', 'Acheampong', 'Adeyemi', 'Agarwal', 'Ahmadi', 'Alvarez', 'Andersen', 'Aoki', 'Baptiste',
  'Barros', 'Becker', 'Bergstrom', 'Bianchi', 'Bose', 'Brennan', 'Castillo', 'Chatterjee', 'Chen',
  'Cho', 'Costa', 'Dahl', 'Das', 'Delgado', 'Diallo', 'Dubois', 'Eze', 'Farouk', 'Fernandes',
  'Fischer', 'Fitzgerald', 'Fujita', 'Garcia', 'Ghosh', 'Goldberg', 'Gomez', 'Greene', 'Gupta',
  'Haddad', 'Hansen', 'Hartmann', 'Hayashi', 'Hernandez', 'Hoang', 'Horvat', 'Hussain', 'Ibekwe',
  'Ivanova', 'Iyer', 'Jensen', 'Jimenez', 'Johansson', 'Kaplan', 'Kapoor', 'Kariuki', 'Kato',
  'Kaur', 'Khan', 'Kim', 'Kowalski', 'Kruger', 'Kumar', 'Larsen', 'Lee', 'Levi', 'Lindqvist',
  'Liu', 'Lopez', 'Lovelace', 'Mahlangu', 'Malik', 'Markovic', 'Martin', 'Mbeki', 'Mendoza',
  'Meyer', 'Mirza', 'Molina', 'Moreau', 'Morales', 'Mueller', 'Murphy', 'Nakamura', 'Nasser',
  'Ndlovu', 'Nguyen', 'Nielsen', 'Novak', 'Nwosu', 'Obi', 'Okafor', 'Okonkwo', 'Oliveira',
  'Olsen', 'Ortiz', 'Osei', 'Ozturk', 'Park', 'Patel', 'Pereira', 'Petrov', 'Pham', 'Popescu',
  'Quispe', 'Rahman', 'Ramirez', 'Rao', 'Reyes', 'Rezaei', 'Rossi', 'Sahin', 'Sanchez', 'Santos',
  'Sato', 'Schmidt', 'Shah', 'Sharma', 'Silva', 'Singh', 'Sokolov', 'Suzuki', 'Tan', 'Tanaka',
  'Taylor', 'Torres', 'Tran', 'Usman', 'Van Dijk', 'Vargas', 'Varga', 'Vasquez', 'Wagner',
  'Walker', 'Wang', 'Watanabe', 'Weber', 'Wojcik', 'Wong', 'Wu', 'Yamamoto', 'Yang', 'Yilmaz',
  'Yoon', 'Zhang', 'Zhou', "O'Brien", 'Zulu', 'Achebe', 'Bjork', 'Cruz', 'Demir',
];

export interface PersonName {
  name: string;
  email: string;
}

/**
 * Hands out full names and unique `first.last@example.com` addresses. Names are drawn without
 * repetition from a shuffled list of all combinations (reshuffled when exhausted); a repeated
 * address gets the next free number: ada.lovelace@, ada.lovelace2@, ada.lovelace3@.
 */
export class NameSource {
  private readonly order: number[];
  private position = 0;
  private readonly emailCounts = new Map<string, number>();

  constructor(private readonly random: Random) {
    this.order = Array.from({ length: FIRST_NAMES.length * LAST_NAMES.length }, (_, i) => i);
    random.shuffle(this.order);
  }

  next(): PersonName {
    if (this.position === this.order.length) {
      this.random.shuffle(this.order);
      this.position = 0;
    }
    const combo = this.order[this.position];
    this.position += 1;
    const first = FIRST_NAMES[combo % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(combo / FIRST_NAMES.length)];
    const email = this.uniqueEmail(`${emailPart(first)}.${emailPart(last)}`);
    return { name: `${first} ${last}`, email };
  }

  private uniqueEmail(local: string): string {
    // Local parts are letters only, so a numbered address never equals another name's base.
    const count = (this.emailCounts.get(local) ?? 0) + 1;
    this.emailCounts.set(local, count);
    return count === 1 ? `${local}@example.com` : `${local}${count}@example.com`;
  }
}

/** Lowercase letters only: "Van Dijk" becomes "vandijk", "O'Brien" "obrien", "Soo-ah" "sooah". */
function emailPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}
