import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'inspector' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  // bcrypt reads at most 72 bytes; the cap also keeps hashing cost bounded.
  @ApiProperty({ example: 'rectify-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(72)
  password!: string;
}
