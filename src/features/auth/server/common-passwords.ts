// Passwords that appear at the top of every breach corpus. Checked case-insensitively at sign-up and
// password change (OWASP ASVS 2.1.7); no composition rules otherwise.
export const COMMON_PASSWORDS = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty1 111111 12345 secret 123123 1234567890 1234567
000000 qwerty abc123 password1 iloveyou 11111111 dragon monkey 123321 654321 666666 7777777 1q2w3e4r
121212 987654321 qwertyuiop 123qwe 1qaz2wsx 88888888 asdfghjkl sunshine princess football baseball
welcome welcome1 letmein letmein1 admin123 administrator passw0rd password123 password12 trustno1
whatever superman batman starwars shadow master michael jennifer charlie jordan23 hunter2 freedom
zaq12wsx 1q2w3e4r5t q1w2e3r4 qazwsxedc 112233 121314 1234qwer asdf1234 changeme changeme123 default
computer internet samsung google1234 pokemon naruto killer hello123 loveyou lovely flower butterfly
jewelry123 jewellery silver925 benchflow benchflow1 11223344 99999999 a1b2c3d4 abcd1234 abcdefgh
aaaaaaaa zxcvbnm zxcvbnm1 1234abcd 87654321 12341234 qwer1234 p@ssw0rd p@ssword passpass letmein123`
    .split(/\s+/)
    .filter(Boolean),
);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
